package news.wire.query.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import news.wire.query.entities.EntityCounts;
import news.wire.query.entities.EntityIdentity;
import news.wire.query.entities.RegisteredEntity;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;

/**
 * The entities most named in the articles that arrived lately, per type. "Arrived" is the article's
 * {@code receivedAt}, when ingest took it in: old copy imported today counts as today's news for the desk (its
 * {@code publishedAt} may be decades back), while replaying the topic into a new index keeps each article's own
 * arrival time, so a rebuild does not make the whole archive look like the last hour (an indexing time would).
 */
@ApplicationScoped
public class RecentEntities {

    private final ElasticsearchClient client;
    private final EntityIdentity identity;

    public RecentEntities(ElasticsearchClient client, EntityIdentity identity) {
        this.client = client;
        this.identity = identity;
    }

    /** One entity (by id, under its canonical name): in how many of the recent articles it is named, how often in all. */
    public record EntityCount(String id, String name, long articles, long mentions) {
    }

    /** Entities of the articles received since {@code since}, per type, most named first. */
    public record Top(Instant since, long articles, Map<String, List<EntityCount>> byType) {
    }

    /**
     * Ranked by articles naming the entity, then by mentions: a name in five reports matters more to a desk than one
     * repeated ten times in a single report.
     */
    public Top top(Duration period, int perType) throws IOException {
        Instant since = Instant.now().minus(period);
        SearchResponse<Void> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.range(r -> r.date(d -> d.field("receivedAt").gte(since.toString()))))
                .aggregations("entities", a -> a.nested(n -> n.path("entities"))
                        .aggregations("types", t -> t.terms(tt -> tt.field("entities.type").size(EntityIdentity.TYPES.size()))
                                // Room for short forms that fold into a listed entity (EntityCounts).
                                .aggregations("ids", n -> n.terms(tt -> tt.field("entities.id").size(3 * perType)
                                                .order(List.of(NamedValue.of("_count", SortOrder.Desc),
                                                        NamedValue.of("mentions", SortOrder.Desc),
                                                        NamedValue.of("_key", SortOrder.Asc))))
                                        .aggregations("mentions", m -> m.sum(x -> x.field("entities.mentionCount")))
                                        .aggregations("name", m -> m.terms(x -> x.field("entities.name").size(1)))))),
                Void.class));
        if (response == null) {
            return new Top(since, 0, empty());
        }
        Map<String, List<EntityCounts.Counted>> counted = EntityCounts.byType(response.aggregations().get("entities"));
        Map<String, RegisteredEntity> canonical = identity.canonicalAll(EntityCounts.ids(counted));
        Map<String, List<EntityCount>> byType = empty();
        counted.forEach((type, ofType) -> byType.put(type,
                EntityCounts.fold(ofType, canonical, EntityCounts.BY_ARTICLES, perType).stream()
                        .map(c -> new EntityCount(c.id(), c.name(), c.articles(), c.mentions())).toList()));
        return new Top(since, response.hits().total().value(), byType);
    }

    private static Map<String, List<EntityCount>> empty() {
        Map<String, List<EntityCount>> byType = new LinkedHashMap<>();
        EntityIdentity.TYPES.forEach(type -> byType.put(type, List.of()));
        return byType;
    }
}
