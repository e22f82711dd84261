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
    /**
     * Elasticsearch's index.highlight.max_analyzed_offset default. Without a limit in the request, a hit whose body is
     * longer than that fails the whole search (all shards failed), so one long article (ingest takes up to 2 MB)
     * would break every highlighted search it matches; with it, highlighting stops there and the article is still
     * found, its fragments taken from its first million characters.
     */
    static final int MAX_ANALYZED_CHARS = 1_000_000;

    private Highlights() {
    }

    public static Highlight request() {
        return Highlight.of(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                .requireFieldMatch(false).maxAnalyzedOffset(MAX_ANALYZED_CHARS)
                .fields(NamedValue.of("headline", HighlightField.of(f -> f.numberOfFragments(0))),
                        NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(BODY_FRAGMENT_CHARS)
                                .numberOfFragments(BODY_FRAGMENTS).noMatchSize(0)))));
    }

    /** Fragments per field, as Elasticsearch returned them; null when there are none (no text query). */
    public static Map<String, List<String>> of(Map<String, List<String>> highlight) {
        return highlight == null || highlight.isEmpty() ? null : highlight;
    }
}
