package news.wire.query.stories;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;

/**
 * Asks Elasticsearch which indexed articles could be in the same story as new ones: those published within the
 * window that share the most distinctive words ({@code more_like_this}, weighted by the index's own statistics) or
 * entity names. Retrieval only; whether they are the same story is {@link ArticleSimilarity}'s call.
 */
@ApplicationScoped
public class StoryCandidates {

    /** Searches per multi-search request: bounds the size of one request. */
    private static final int SEARCHES_PER_REQUEST = 50;
    /**
     * Candidate documents per multi-get. A batch of new articles on a live wire names thousands of candidates the
     * cache does not hold; read in one request, their JSON trees (word counts and entities, about 30 KB each) took
     * most of a 256 MB heap at once.
     */
    static final int DOCUMENTS_PER_READ = 200;
    private static final List<String> CANDIDATE_FIELDS = List.of("id", "source", "headline", "publishedAt",
            "storyId", ArticleProfile.WORD_COUNTS, "entities.id", "entities.type", "entities.name", "entities.salience");

    private final ElasticsearchClient client;
    private final StoryConfig config;
    private final CandidateProfiles kept = new CandidateProfiles();

    public StoryCandidates(ElasticsearchClient client, StoryConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The story of each of these articles already indexed with one (earlier versions); absent when none. */
    public Map<String, String> storiesOf(List<String> articleIds) throws IOException {
        Map<String, String> stories = new HashMap<>();
        MgetResponse<ObjectNode> response = MissingIndex.orNull(() -> client.mget(m -> m.index(ArticleIndex.ALIAS)
                .ids(articleIds).sourceIncludes("storyId"), ObjectNode.class));
        if (response == null) {
            return stories;
        }
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            GetResult<ObjectNode> doc = item.isResult() ? item.result() : null;
            if (doc != null && doc.found() && doc.source() != null && doc.source().hasNonNull("storyId")) {
                stories.put(doc.id(), doc.source().get("storyId").asText());
            }
        }
        return stories;
    }

    /**
     * For each article, indexed articles already in a story that may report the same event. The searches return ids
     * and versions only; the documents of candidates not already kept at that version are read in one multi-get.
     */
    public Map<String, List<ArticleProfile>> near(List<ArticleProfile> articles) throws IOException {
        Map<String, List<Hit<Void>>> hits = new HashMap<>();
        Map<String, Long> unknown = new LinkedHashMap<>();
        for (int from = 0; from < articles.size(); from += SEARCHES_PER_REQUEST) {
            List<ArticleProfile> chunk = articles.subList(from, Math.min(articles.size(), from + SEARCHES_PER_REQUEST));
            List<RequestItem> searches = chunk.stream().map(this::search).toList();
            MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
            for (int i = 0; i < chunk.size(); i++) {
                List<Hit<Void>> found = hitsOf(response.responses().get(i));
                hits.put(chunk.get(i).id(), found);
                for (Hit<Void> hit : found) {
                    if (hit.version() == null || kept.get(hit.id(), hit.version()) == null) {
                        unknown.put(hit.id(), hit.version());
                    }
                }
            }
        }
        Map<String, ArticleProfile> read = read(unknown.keySet());
        Map<String, List<ArticleProfile>> near = new HashMap<>();
        for (ArticleProfile article : articles) {
            List<ArticleProfile> profiles = new ArrayList<>();
            for (Hit<Void> hit : hits.getOrDefault(article.id(), List.of())) {
                ArticleProfile profile = read.containsKey(hit.id()) ? read.get(hit.id())
                        : kept.get(hit.id(), hit.version());
                if (profile != null) {
                    profiles.add(profile);
                }
            }
            near.put(article.id(), profiles);
        }
        return near;
    }

    /**
     * The profiles of these indexed articles, read from their documents and kept under the version read: a few
     * hundred documents at a time, each turned into its much smaller profile before the next are read.
     */
    private Map<String, ArticleProfile> read(Collection<String> ids) throws IOException {
        Map<String, ArticleProfile> read = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += DOCUMENTS_PER_READ) {
            readInto(read, all.subList(from, Math.min(all.size(), from + DOCUMENTS_PER_READ)));
        }
        return read;
    }

    private void readInto(Map<String, ArticleProfile> read, List<String> ids) throws IOException {
        MgetResponse<ObjectNode> response = MissingIndex.orNull(() -> client.mget(m -> m.index(ArticleIndex.ALIAS)
                .ids(ids).sourceIncludes(CANDIDATE_FIELDS), ObjectNode.class));
        if (response == null) {
            return;
        }
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            GetResult<ObjectNode> doc = item.isResult() ? item.result() : null;
            if (doc != null && doc.found() && doc.source() != null) {
                ArticleProfile profile = ArticleProfile.of(doc.source()).asCandidate();
                read.put(doc.id(), profile);
                if (doc.version() != null) {
                    kept.put(doc.id(), doc.version(), profile);
                }
            }
        }
    }

    private RequestItem search(ArticleProfile article) {
        Instant from = article.publishedAt().minus(config.window());
        Instant to = article.publishedAt().plus(config.window());
        List<FieldValue> names = article.entities().stream()
                .filter(e -> !"LOCATION".equals(e.type()))
                .map(e -> FieldValue.of(e.name()))
                .toList();
        List<Query> evidence = new ArrayList<>();
        evidence.add(Query.of(q -> q.moreLikeThis(m -> m.fields("headline", "body")
                .like(l -> l.text(article.text()))
                // A small or young index has few documents per word: take every word, however rare.
                .minTermFreq(1).minDocFreq(1).maxQueryTerms(25).minimumShouldMatch("20%"))));
        if (!names.isEmpty()) {
            evidence.add(Query.of(q -> q.nested(n -> n.path("entities").scoreMode(ChildScoreMode.Sum)
                    .query(nq -> nq.terms(t -> t.field("entities.name").terms(v -> v.value(names)))))));
        }
        return RequestItem.of(r -> r.header(h -> h.index(ArticleIndex.ALIAS).ignoreUnavailable(true))
                .body(b -> b.size(config.candidates())
                        .source(s -> s.fetch(false)).version(true)
                        .query(q -> q.bool(bq -> bq
                                .filter(f -> f.range(rq -> rq.date(d -> d.field("publishedAt")
                                        .gte(from.toString()).lte(to.toString()))))
                                .filter(f -> f.exists(e -> e.field("storyId")))
                                .mustNot(mn -> mn.ids(i -> i.values(article.id())))
                                .should(evidence)
                                .minimumShouldMatch("1")))));
    }

    private static List<Hit<Void>> hitsOf(MultiSearchResponseItem<Void> item) throws IOException {
        if (item.isFailure()) {
            if ("index_not_found_exception".equals(item.failure().error().type())) {
                return List.of();
            }
            throw new IOException("Story candidates not found: " + item.failure().error().reason());
        }
        return item.result().hits().hits();
    }
}
