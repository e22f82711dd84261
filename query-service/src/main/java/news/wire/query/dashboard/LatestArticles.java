package news.wire.query.dashboard;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;
import news.wire.query.indexing.TextLanguage;
import news.wire.query.stories.ArticleProfile;

/**
 * The articles that arrived last, as whole enriched records with their tags' offsets, so the page can mark entities,
 * numbers and dates in the text. Ordered by {@code receivedAt} rather than {@code publishedAt}: the desk wants
 * what just came in, and archive copy imported now or items held by an embargo carry older publication times.
 */
@ApplicationScoped
public class LatestArticles {

    private final ElasticsearchClient client;

    public LatestArticles(ElasticsearchClient client) {
        this.client = client;
    }

    public List<ObjectNode> latest(int size) throws IOException {
        SearchResponse<ObjectNode> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS)
                .size(size)
                .source(src -> src.filter(f -> f.excludes(ArticleProfile.WORD_COUNTS, TextLanguage.FIELD)))
                .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), ObjectNode.class));
        return response == null ? List.of() : response.hits().hits().stream().map(Hit::source).toList();
    }
}
