package news.wire.query.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import news.wire.query.indexing.ArticleIndex;

/** Entities across all indexed articles: name completion and mentions over time. */
@ApplicationScoped
public class EntityLookup {

    private final ElasticsearchClient client;

    public EntityLookup(ElasticsearchClient client) {
        this.client = client;
    }

    /** An entity by canonical name, with its most frequent type, mentions summed over articles, and articles. */
    public record EntitySuggestion(String name, String type, long mentions, long articles) {
    }

    /** One hour or day of an entity's timeline. */
    public record TimelineBucket(String start, long articles, long mentions) {
    }

    /** Mentions of one entity per hour or day of publication. */
    public record Timeline(String name, String type, String interval, List<TimelineBucket> buckets) {
    }

    /**
     * Names starting with the prefix, or with a word starting with it ("cal" finds "Ines Calder"), most mentioned
     * first: the sum of mention counts over all articles, so a name said ten times in one story outranks one
     * said once in each of three. Without a prefix, the most mentioned entities.
     */
    public List<EntitySuggestion> suggest(String prefix, String type, int size) throws IOException {
        List<Query> clauses = new ArrayList<>();
        if (prefix != null) {
            String lower = prefix.toLowerCase(Locale.ROOT);
            clauses.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.prefix(p -> p.field("entities.name.lower").value(lower)))
                    .should(s -> s.matchPhrasePrefix(m -> m.field("entities.name.words").query(prefix))))));
        }
        if (type != null) {
            clauses.add(ArticleFilters.term("entities.type", type));
        }
        Query matching = Query.of(q -> q.bool(b -> b.filter(clauses)));
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                    .query(ArticleFilters.nested("entities", matching))
                    .aggregations("entities", a -> a.nested(n -> n.path("entities"))
                            .aggregations("matching", m -> m.filter(matching)
                                    .aggregations("names", t -> t.terms(tt -> tt.field("entities.name").size(size)
                                                    .order(List.of(NamedValue.of("mentions", SortOrder.Desc),
                                                            NamedValue.of("_count", SortOrder.Desc))))
                                            .aggregations("mentions", sum -> sum.sum(x -> x.field("entities.mentionCount")))
                                            .aggregations("types", ty -> ty.terms(tt -> tt.field("entities.type").size(1)))))),
                    Void.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
        Aggregate names = response.aggregations().get("entities").nested().aggregations().get("matching").filter()
                .aggregations().get("names");
        List<EntitySuggestion> suggestions = new ArrayList<>();
        for (StringTermsBucket bucket : names.sterms().buckets().array()) {
            List<StringTermsBucket> types = bucket.aggregations().get("types").sterms().buckets().array();
            suggestions.add(new EntitySuggestion(bucket.key().stringValue(),
                    types.isEmpty() ? null : types.get(0).key().stringValue(),
                    (long) bucket.aggregations().get("mentions").sum().value().longValue(), bucket.docCount()));
        }
        return suggestions;
    }

    /** Articles naming the entity and its mentions in them, per bucket of publication time in [from, to). */
    public Timeline timeline(String name, String type, ArticleQuery.Interval interval, Instant from, Instant to)
            throws IOException {
        List<Query> filters = new ArrayList<>();
        filters.add(ArticleFilters.entity(name, type));
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString())))));
        List<Query> entityClauses = new ArrayList<>();
        entityClauses.add(ArticleFilters.term("entities.name", name));
        if (type != null) {
            entityClauses.add(ArticleFilters.term("entities.type", type));
        }
        CalendarInterval calendar = interval == ArticleQuery.Interval.HOUR ? CalendarInterval.Hour : CalendarInterval.Day;
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .aggregations("timeline", a -> a.dateHistogram(d -> d.field("publishedAt").calendarInterval(calendar)
                                    .minDocCount(0).extendedBounds(e -> e.min(FieldDateMath.of(f -> f.expr(from.toString())))
                                            .max(FieldDateMath.of(f -> f.expr(to.minusMillis(1).toString())))))
                            .aggregations("entity", n -> n.nested(nn -> nn.path("entities"))
                                    .aggregations("this", f -> f.filter(x -> x.bool(b -> b.filter(entityClauses)))
                                            .aggregations("mentions", m -> m.sum(x -> x.field("entities.mentionCount")))))),
                    Void.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return new Timeline(name, type, interval.name().toLowerCase(Locale.ROOT), List.of());
            }
            throw e;
        }
        List<TimelineBucket> buckets = response.aggregations().get("timeline").dateHistogram().buckets().array().stream()
                .map(b -> new TimelineBucket(b.keyAsString(), b.docCount(),
                        (long) b.aggregations().get("entity").nested().aggregations().get("this").filter()
                                .aggregations().get("mentions").sum().value().longValue()))
                .toList();
        return new Timeline(name, type, interval.name().toLowerCase(Locale.ROOT), buckets);
    }
}
