package news.wire.query.search;

import java.util.List;

/** A page of search results with the total number of matching articles. */
public record SearchPage(long total, List<ArticleHit> articles) {
}
