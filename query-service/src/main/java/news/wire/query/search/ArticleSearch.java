package news.wire.query.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.ArticleIndex;

/** Reads the article index: single records by id and full-text search. */
@ApplicationScoped
public class ArticleSearch {

    private final ElasticsearchClient client;

    public ArticleSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** The enriched record as indexed, or empty when no such article (or no index yet). */
    public Optional<ObjectNode> find(String id) throws IOException {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(ArticleIndex.ALIAS).id(id), ObjectNode.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Full-text search of headline and body. The text goes through simple_query_string, which never fails on
     * user syntax and cannot reach the rest of the query DSL; without text, the newest articles come first.
     */
    public SearchPage search(String text, int size) throws IOException {
        try {
            SearchResponse<ObjectNode> response = client.search(s -> {
                s.index(ArticleIndex.ALIAS).size(size).trackTotalHits(t -> t.enabled(true));
                if (text == null || text.isBlank()) {
                    s.query(q -> q.matchAll(m -> m)).sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
                } else {
                    s.query(q -> q.simpleQueryString(m -> m.query(text).fields("headline^2", "body")
                            .defaultOperator(Operator.And)));
                }
                return s;
            }, ObjectNode.class);
            List<ArticleHit> hits = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                hits.add(toHit(hit));
            }
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new SearchPage(total, hits);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return new SearchPage(0, List.of());
            }
            throw e;
        }
    }

    private static ArticleHit toHit(Hit<ObjectNode> hit) {
        JsonNode article = hit.source();
        List<String> entities = new ArrayList<>();
        article.path("entities").forEach(e -> entities.add(e.path("name").asText()));
        return new ArticleHit(hit.id(), article.path("version").asInt(), article.path("source").asText(),
                article.path("headline").asText(), article.path("publishedAt").asText(), hit.score(), entities);
    }
}
