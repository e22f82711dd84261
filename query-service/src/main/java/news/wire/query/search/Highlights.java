package news.wire.query.search;

import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;

/**
 * Highlighted fragments of headline and body. The html encoder escapes the article text inside each fragment,
 * so {@code <em>} around the matched words is the only markup a fragment can contain.
 */
public final class Highlights {

    private static final int BODY_FRAGMENT_CHARS = 160;
    private static final int BODY_FRAGMENTS = 3;

    private Highlights() {
    }

    public static Highlight request() {
        return Highlight.of(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                .requireFieldMatch(false)
                .fields(NamedValue.of("headline", HighlightField.of(f -> f.numberOfFragments(0))),
                        NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(BODY_FRAGMENT_CHARS)
                                .numberOfFragments(BODY_FRAGMENTS).noMatchSize(0)))));
    }

    /** Fragments per field, as Elasticsearch returned them; null when there are none (no text query). */
    public static Map<String, List<String>> of(Map<String, List<String>> highlight) {
        return highlight == null || highlight.isEmpty() ? null : highlight;
    }
}
