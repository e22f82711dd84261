package news.wire.query.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of search results with the total number of matching articles; {@code cursor} fetches the next page and
 * is absent on the last one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(long total, List<ArticleHit> articles, String cursor, ArticleFacets facets) {

    static SearchPage empty() {
        return new SearchPage(0, List.of(), null, null);
    }
}
