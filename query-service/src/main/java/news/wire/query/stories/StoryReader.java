package news.wire.query.stories;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import news.wire.query.entities.EntityIdentity;
import news.wire.query.entities.RegisteredEntity;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;

/** Reads stories back from the article index: core queries and aggregations on {@code storyId} only. */
@ApplicationScoped
public class StoryReader {

    private static final int TOP_ENTITIES_IN_LIST = 5;
    private static final int TOP_ENTITIES_IN_STORY = 10;
    /** Articles per story read for a list's headlines and entities: the oldest ones, which define the story. */
    private static final int ARTICLES_READ_PER_LISTED_STORY = 20;
    private static final int MOST_SOURCES = 100;
    private static final List<String> ARTICLE_FIELDS = List.of("id", "source", "headline", "publishedAt",
            "entities.id", "entities.type", "entities.name", "entities.salience");

    private final ElasticsearchClient client;
    private final StoryConfig config;
    private final EntityIdentity identity;

    public StoryReader(ElasticsearchClient client, StoryConfig config, EntityIdentity identity) {
        this.client = client;
        this.config = config;
        this.identity = identity;
    }

    /** One story with its articles (oldest first, at most {@code query.stories.max-members}) and figures. */
    public Optional<StoryDetail> story(String id) throws IOException {
        List<String> fields = new ArrayList<>(ARTICLE_FIELDS);
        fields.add("numbers");
        SearchResponse<ObjectNode> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS)
                .size(config.maxMembers())
                .query(q -> q.term(t -> t.field("storyId").value(id)))
                .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.includes(fields)))
                .trackTotalHits(t -> t.enabled(true))
                .aggregations(spanAndSources()), ObjectNode.class));
        List<ObjectNode> articles = response == null ? List.of()
                : response.hits().hits().stream().map(Hit::source).toList();
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        long count = response.hits().total() == null ? articles.size() : response.hits().total().value();
        Map<String, Aggregate> aggs = response.aggregations();
        return Optional.of(new StoryDetail(id, articles.get(0).path("headline").asText(), count, sources(aggs),
                aggs.get("first").min().valueAsString(), aggs.get("last").max().valueAsString(),
                articles.stream().map(StoryReader::member).toList(),
                TopEntities.of(articles, TOP_ENTITIES_IN_STORY, canonical(articles)), FiguresTable.of(articles)));
    }

    /** Stories with an article published in [from, to), the one with the latest such article first. */
    public List<StorySummary> stories(Instant from, Instant to, int size) throws IOException {
        List<String> ids = MissingIndex.orNull(() -> activeStories(from, to, size));
        List<StorySummary> stories = ids == null || ids.isEmpty() ? null : MissingIndex.orNull(() -> summaries(ids));
        return stories == null ? List.of() : stories;
    }

    private List<String> activeStories(Instant from, Instant to, int size) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString()))))
                        .filter(f -> f.exists(e -> e.field("storyId")))))
                .aggregations("stories", a -> a
                        .terms(t -> t.field("storyId").size(size).order(NamedValue.of("latest", SortOrder.Desc)))
                        .aggregations("latest", l -> l.max(m -> m.field("publishedAt")))), Void.class);
        return response.aggregations().get("stories").sterms().buckets().array().stream()
                .map(b -> b.key().stringValue())
                .toList();
    }

    /** The stories in the given order, each over all its articles, not only those in the period. */
    private List<StorySummary> summaries(List<String> ids) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .query(q -> q.terms(t -> t.field("storyId").terms(v -> v.value(ids.stream().map(FieldValue::of).toList()))))
                .aggregations("stories", a -> a
                        .terms(t -> t.field("storyId").size(ids.size()))
                        .aggregations(spanAndSources())
                        .aggregations("articles", th -> th.topHits(h -> h.size(ARTICLES_READ_PER_LISTED_STORY)
                                .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                                .source(src -> src.filter(f -> f.includes(ARTICLE_FIELDS)))))), Void.class);
        Map<String, StorySummary> byId = new LinkedHashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("stories").sterms().buckets().array()) {
            List<ObjectNode> articles = bucket.aggregations().get("articles").topHits().hits().hits().stream()
                    .map(Hit::source)
                    .map(json -> json.to(ObjectNode.class))
                    .toList();
            Map<String, Aggregate> aggs = bucket.aggregations();
            String id = bucket.key().stringValue();
            byId.put(id, new StorySummary(id, articles.isEmpty() ? null : articles.get(0).path("headline").asText(),
                    bucket.docCount(), sources(aggs), aggs.get("first").min().valueAsString(),
                    aggs.get("last").max().valueAsString(), TopEntities.of(articles, TOP_ENTITIES_IN_LIST,
                    canonical(articles))));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The canonical entity of every entity id in these articles. */
    private Map<String, RegisteredEntity> canonical(List<ObjectNode> articles) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (ObjectNode article : articles) {
            article.path("entities").forEach(e -> {
                if (e.hasNonNull("id")) {
                    ids.add(e.get("id").asText());
                }
            });
        }
        return identity.canonicalAll(ids);
    }

    private static Map<String, Aggregation> spanAndSources() {
        return Map.of(
                "first", Aggregation.of(a -> a.min(m -> m.field("publishedAt"))),
                "last", Aggregation.of(a -> a.max(m -> m.field("publishedAt"))),
                "sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(MOST_SOURCES))));
    }

    private static List<String> sources(Map<String, Aggregate> aggs) {
        return aggs.get("sources").sterms().buckets().array().stream().map(b -> b.key().stringValue()).sorted().toList();
    }

    private static StoryArticle member(ObjectNode article) {
        return new StoryArticle(article.path("id").asText(), article.path("source").asText(),
                article.path("headline").asText(), article.path("publishedAt").asText());
    }
}
