package news.wire.query.search;

import java.util.List;

/** One article in a result list: enough to show a headline row and link to the full record. */
public record ArticleHit(String id, int version, String source, String headline, String publishedAt, Double score,
                         List<String> entities) {
}
