package news.wire.query.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import news.wire.query.entities.EntityCounts;
import news.wire.query.entities.EntityIdentity;
import news.wire.query.entities.EntityRegistry;
import news.wire.query.entities.RegisteredEntity;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;

/** Entities across all indexed articles, by id: completion over every name they were seen under, profiles, timelines. */
@ApplicationScoped
public class EntityLookup {

    private static final int MOST_ALIASES = 50;
    /** Registry entries read for one completion: short forms and full names of one entity each take one. */
    private static final int MOST_COMPLETION_CANDIDATES = 50;

    private final ElasticsearchClient client;
    private final EntityRegistry registry;
    private final EntityIdentity identity;

    public EntityLookup(ElasticsearchClient client, EntityRegistry registry, EntityIdentity identity) {
        this.client = client;
        this.registry = registry;
        this.identity = identity;
    }

    /** An entity by id and canonical name, with its type, mentions summed over articles, and articles. */
    public record EntitySuggestion(String id, String name, String type, long mentions, long articles) {
    }

    /** One hour or day of an entity's timeline. */
    public record TimelineBucket(String start, long articles, long mentions) {
    }

    /** Mentions of one entity per hour or day of publication; id is null for a name the registry does not know. */
    public record Timeline(String id, String name, String type, String interval, List<TimelineBucket> buckets) {
    }

    /** A name an entity was written as, and in how many articles. */
    public record Alias(String name, long articles) {
    }

    /**
     * One real-world entity: its names with their article counts, when it was first and last published about, the
     * names learned for it over time (the merges), and articles and mentions per day, month or year (the finest that
     * keeps first to last seen within a few thousand buckets: an archive entity spans decades).
     */
    public record EntityProfile(String id, String type, String name, long articles, long mentions, String firstSeen,
                                String lastSeen, List<Alias> aliases, List<RegisteredEntity.Learned> learned,
                                String interval, List<TimelineBucket> timeline) {
    }

    /**
     * Entities seen under a name starting with the prefix, or with a word starting with it ("cal" finds "Ines
     * Calder"), each once under its canonical name, most mentioned first: mentions summed over all articles, so a
     * name said ten times in one story outranks one said once in each of three. Without a prefix, the most
     * mentioned entities.
     */
    public List<EntitySuggestion> suggest(String prefix, String type, int size) throws IOException {
        List<EntityCounts.Counted> counted = new ArrayList<>();
        if (prefix == null) {
            counted.addAll(countById(type, 3 * size));
        } else {
            Map<String, RegisteredEntity> candidates = new LinkedHashMap<>();
            for (RegisteredEntity e : identity.canonicalAll(registry.knownAsPrefix(prefix, type,
                    MOST_COMPLETION_CANDIDATES).stream().map(RegisteredEntity::id).toList()).values()) {
                if (candidates.size() < 2 * size) {
                    candidates.putIfAbsent(e.id(), e);
                }
            }
            counted.addAll(countEach(List.copyOf(candidates.values())));
        }
        Map<String, RegisteredEntity> canonical = identity.canonicalAll(counted.stream().map(EntityCounts.Counted::id).toList());
        return EntityCounts.fold(counted, canonical, EntityCounts.BY_MENTIONS, size).stream()
                .filter(c -> c.articles() > 0)
                .map(c -> new EntitySuggestion(c.id(), c.name(), c.type(), c.mentions(), c.articles()))
                .toList();
    }

    /** The profile of a canonical entity: counts, names, merges and its timeline from first to last seen. */
    public EntityProfile profile(RegisteredEntity entity) throws IOException {
        Query entry = identity.entry(entity);
        Query naming = ArticleFilters.nested("entities", entry);
        SearchResponse<Void> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(naming)
                .aggregations("first", a -> a.min(m -> m.field("publishedAt")))
                .aggregations("last", a -> a.max(m -> m.field("publishedAt")))
                .aggregations("entity", n -> n.nested(nn -> nn.path("entities"))
                        .aggregations("this", f -> f.filter(entry)
                                .aggregations("mentions", m -> m.sum(x -> x.field("entities.mentionCount")))
                                .aggregations("aliases", t -> t.terms(tt -> tt.field("entities.aliases").size(MOST_ALIASES))))),
                Void.class));
        long articles = response == null || response.hits().total() == null ? 0 : response.hits().total().value();
        if (articles == 0) {
            // No article names it: no names counted either.
            return new EntityProfile(entity.id(), entity.type(), entity.name(), 0, 0, null, null, List.of(),
                    entity.learned(), null, List.of());
        }
        Map<String, Aggregate> aggs = response.aggregations();
        Aggregate mine = aggs.get("entity").nested().aggregations().get("this");
        List<Alias> aliases = mine.filter().aggregations().get("aliases").sterms().buckets().array().stream()
                .map(b -> new Alias(b.key().stringValue(), b.docCount())).toList();
        double first = aggs.get("first").min().value();
        double last = aggs.get("last").max().value();
        CalendarInterval interval = intervalFor(Duration.ofMillis((long) (last - first)));
        SearchResponse<Void> timeline = client.search(s -> s.index(ArticleIndex.ALIAS).size(0).query(naming)
                .aggregations("timeline", a -> a.dateHistogram(d -> d.field("publishedAt").calendarInterval(interval))
                        .aggregations("entity", mentionsOf(entry))), Void.class);
        return new EntityProfile(entity.id(), entity.type(), entity.name(), articles, mentions(aggs.get("entity")),
                aggs.get("first").min().valueAsString(), aggs.get("last").max().valueAsString(), aliases,
                entity.learned(), interval.jsonValue(), buckets(timeline));
    }

    /** Days for up to five years, months for up to four centuries, else years: never near the bucket limit. */
    private static CalendarInterval intervalFor(Duration span) {
        if (span.compareTo(Duration.ofDays(5 * 366)) <= 0) {
            return CalendarInterval.Day;
        }
        return span.compareTo(Duration.ofDays(400L * 366)) <= 0 ? CalendarInterval.Month : CalendarInterval.Year;
    }

    /** Articles naming the entity (an id or any name of it) and its mentions in them, per bucket of [from, to). */
    public Timeline timeline(String idOrName, String type, ArticleQuery.Interval interval, Instant from, Instant to)
            throws IOException {
        List<RegisteredEntity> named = identity.named(idOrName, type);
        RegisteredEntity only = named.size() == 1 ? named.get(0) : null;
        String id = only == null ? null : only.id();
        String name = only == null ? idOrName : only.name();
        String shownType = only == null ? type : only.type();
        Query entry = identity.entryNamed(idOrName, type);
        List<Query> filters = List.of(ArticleFilters.nested("entities", entry),
                Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString())))));
        CalendarInterval calendar = interval == ArticleQuery.Interval.HOUR ? CalendarInterval.Hour : CalendarInterval.Day;
        String bucketName = interval.name().toLowerCase(Locale.ROOT);
        SearchResponse<Void> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("timeline", a -> a.dateHistogram(d -> d.field("publishedAt").calendarInterval(calendar)
                                .minDocCount(0).extendedBounds(e -> e.min(FieldDateMath.of(f -> f.expr(from.toString())))
                                        .max(FieldDateMath.of(f -> f.expr(to.minusMillis(1).toString())))))
                        .aggregations("entity", mentionsOf(entry))),
                Void.class));
        return new Timeline(id, name, shownType, bucketName, response == null ? List.of() : buckets(response));
    }

    /** Entries counted per id over all articles, with the name each id was indexed under. */
    private List<EntityCounts.Counted> countById(String type, int size) throws IOException {
        Query matching = type == null ? Query.of(q -> q.matchAll(m -> m))
                : ArticleFilters.term("entities.type", type);
        SearchResponse<Void> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .aggregations("entities", a -> a.nested(n -> n.path("entities"))
                        .aggregations("matching", m -> m.filter(matching)
                                .aggregations("ids", t -> t.terms(tt -> tt.field("entities.id").size(size)
                                                .order(List.of(NamedValue.of("mentions", SortOrder.Desc),
                                                        NamedValue.of("_count", SortOrder.Desc))))
                                        .aggregations("mentions", sum -> sum.sum(x -> x.field("entities.mentionCount")))
                                        .aggregations("name", nn -> nn.terms(tt -> tt.field("entities.name").size(1)))
                                        .aggregations("type", ty -> ty.terms(tt -> tt.field("entities.type").size(1)))))),
                Void.class));
        if (response == null) {
            return List.of();
        }
        List<EntityCounts.Counted> counted = new ArrayList<>();
        for (StringTermsBucket b : response.aggregations().get("entities").nested().aggregations().get("matching")
                .filter().aggregations().get("ids").sterms().buckets().array()) {
            counted.add(new EntityCounts.Counted(b.key().stringValue(), first(b, "type"), first(b, "name"),
                    b.docCount(), b.aggregations().get("mentions").sum().value().longValue()));
        }
        return counted;
    }

    /** Articles and mentions of each of these entities (by identity, short forms standing alone included). */
    private List<EntityCounts.Counted> countEach(List<RegisteredEntity> entities) throws IOException {
        if (entities.isEmpty()) {
            return List.of();
        }
        Map<String, Query> filters = new LinkedHashMap<>();
        for (RegisteredEntity e : entities) {
            filters.put(e.id(), identity.entry(e));
        }
        SearchResponse<Void> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .aggregations("entities", a -> a.nested(n -> n.path("entities"))
                        .aggregations("each", f -> f.filters(ff -> ff.filters(k -> k.keyed(filters)))
                                .aggregations("mentions", m -> m.sum(x -> x.field("entities.mentionCount"))))),
                Void.class));
        if (response == null) {
            return List.of();
        }
        var buckets = response.aggregations().get("entities").nested().aggregations().get("each").filters().buckets().keyed();
        List<EntityCounts.Counted> counted = new ArrayList<>();
        for (RegisteredEntity e : entities) {
            var b = buckets.get(e.id());
            counted.add(new EntityCounts.Counted(e.id(), e.type(), e.name(), b == null ? 0 : b.docCount(),
                    b == null ? 0 : b.aggregations().get("mentions").sum().value().longValue()));
        }
        return counted;
    }

    private static Aggregation mentionsOf(Query entry) {
        return Aggregation.of(n -> n.nested(nn -> nn.path("entities"))
                .aggregations("this", f -> f.filter(entry)
                        .aggregations("mentions", m -> m.sum(x -> x.field("entities.mentionCount")))));
    }

    /** The timeline of a search that asked for one: articles and the entity's mentions per bucket. */
    private static List<TimelineBucket> buckets(SearchResponse<Void> response) {
        return response.aggregations().get("timeline").dateHistogram().buckets().array().stream()
                .map(b -> new TimelineBucket(b.keyAsString(), b.docCount(), mentions(b.aggregations().get("entity"))))
                .toList();
    }

    private static long mentions(Aggregate nestedEntity) {
        return nestedEntity.nested().aggregations().get("this").filter().aggregations().get("mentions").sum().value().longValue();
    }

    private static String first(StringTermsBucket bucket, String terms) {
        List<StringTermsBucket> values = bucket.aggregations().get(terms).sterms().buckets().array();
        return values.isEmpty() ? null : values.get(0).key().stringValue();
    }
}
