package news.wire.query.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.entities.EntityIdentity;
import news.wire.query.entities.RegisteredEntity;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;
import news.wire.query.indexing.TextLanguage;
import news.wire.query.stories.ArticleProfile;

/**
 * Reads the article index: single records by id, and searches paged with search_after. Newest-first pages sort on
 * [publishedAt desc, id]: an article indexed between two pages lands before or after the cursor, never splits a
 * page, so every article present throughout is seen exactly once. Relevance pages also depend on term statistics
 * that new articles change, so they are read from a point in time: the first page from a shared one
 * ({@link SharedPointInTime}), later pages from the one their cursor names.
 */
@ApplicationScoped
public class ArticleSearch {

    /** The stored fields a result row is built from. */
    private static final List<String> HIT_FIELDS = List.of("version", "source", "headline", "byline", "publishedAt",
            "versionCreated", "storyId", "subjects", "entities.name");

    private final ElasticsearchClient client;
    private final SharedPointInTime sharedPit;
    private final EntityIdentity identity;
    private final ArticleMatching matching;

    public ArticleSearch(ElasticsearchClient client, SharedPointInTime sharedPit, EntityIdentity identity,
                         ArticleMatching matching) {
        this.client = client;
        this.sharedPit = sharedPit;
        this.identity = identity;
        this.matching = matching;
    }

    /** The enriched record as indexed, or empty when no such article (or no index yet). */
    public Optional<ObjectNode> find(String id) throws IOException {
        GetResponse<ObjectNode> response = MissingIndex.orNull(() -> client.get(g -> g.index(ArticleIndex.ALIAS).id(id),
                ObjectNode.class));
        return response == null || !response.found() ? Optional.empty()
                : Optional.ofNullable(response.source()).map(ArticleSearch::published);
    }

    /** One page of a search; which articles it means is {@link ArticleMatching}'s to say. */
    public SearchPage search(ArticleQuery q) throws IOException {
        SearchCursor cursor = q.cursor() == null ? null : SearchCursor.decode(q.cursor(), q.order());
        Query query = matching.of(q);
        SharedPointInTime.Snapshot shared = null;
        String pit = null;
        if (q.order() == ArticleQuery.Order.RELEVANCE) {
            if (cursor != null) {
                pit = cursor.pit();
            } else {
                shared = MissingIndex.orNull(sharedPit::acquire);
                if (shared == null) {
                    return SearchPage.empty();
                }
                pit = shared.id();
            }
        }
        SearchResponse<ObjectNode> response;
        try {
            response = client.search(request(q, query, cursor, pit), ObjectNode.class);
        } catch (ElasticsearchException e) {
            if (shared != null) {
                sharedPit.forget(shared);
                shared = null;
            }
            if (cursor != null && (e.status() == 404 || e.status() == 400)) {
                throw new InvalidParameterException("cursor", "expired or unknown: start the search again without it");
            }
            if (e.status() == 404) {
                return SearchPage.empty();
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (shared != null) {
                sharedPit.release(shared, false);
            }
            throw e;
        }
        List<Hit<ObjectNode>> hits = response.hits().hits();
        List<ArticleHit> articles = hits.stream().map(ArticleSearch::toHit).toList();
        String next = null;
        if (hits.size() == q.size()) {
            next = new SearchCursor(q.order(), hits.get(hits.size() - 1).sort(),
                    pit == null ? null : response.pitId() != null ? response.pitId() : pit).encode();
        }
        if (shared != null) {
            sharedPit.release(shared, next != null);
        }
        long total = response.hits().total() == null ? articles.size() : response.hits().total().value();
        Map<String, RegisteredEntity> canonical = identity.canonicalAll(ArticleFacets.entityIds(response.aggregations()));
        return new SearchPage(total, articles, next, ArticleFacets.of(q, response.aggregations(), canonical));
    }

    private static SearchRequest request(ArticleQuery q, Query query, SearchCursor cursor, String pit) {
        return SearchRequest.of(s -> {
            if (pit != null) {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(SharedPointInTime.KEEP_ALIVE)));
            } else {
                s.index(ArticleIndex.ALIAS);
            }
            // A result row needs a handful of fields; fetching and parsing whole articles would dominate the cost.
            s.query(query).size(q.size()).trackTotalHits(t -> t.enabled(true)).sort(sort(q.order()))
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
            if (cursor != null) {
                s.searchAfter(cursor.after());
            }
            if (q.highlight() && q.hasText()) {
                s.highlight(Highlights.request());
            }
            return s.aggregations(ArticleFacets.request(q));
        });
    }

    private static List<SortOptions> sort(ArticleQuery.Order order) {
        if (order == ArticleQuery.Order.RELEVANCE) {
            // _shard_doc: the point in time's own tie-breaker, unique and cheap.
            return List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                    SortOptions.of(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc))));
        }
        return List.of(SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))),
                SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
    }

    /** The indexed document as the API serves it: without what only story matching reads. */
    private static ObjectNode published(ObjectNode document) {
        document.remove(ArticleProfile.WORD_COUNTS);
        document.remove(TextLanguage.FIELD);
        return document;
    }

    private static ArticleHit toHit(Hit<ObjectNode> hit) {
        JsonNode article = hit.source();
        List<String> entities = new ArrayList<>();
        article.path("entities").forEach(e -> entities.add(e.path("name").asText()));
        Double score = hit.score() == null || hit.score().isNaN() ? null : hit.score();
        String story = article.hasNonNull("storyId") ? article.get("storyId").asText() : null;
        List<ProviderSubject> subjects = new ArrayList<>();
        article.path("subjects").forEach(s -> subjects.add(ProviderSubject.of(s)));
        return new ArticleHit(hit.id(), article.path("version").asInt(), article.path("source").asText(),
                article.path("headline").asText(), article.path("byline").asText(null),
                article.path("publishedAt").asText(), article.path("versionCreated").asText(null), story, score,
                subjects, entities, Highlights.of(hit.highlight()));
    }
}
