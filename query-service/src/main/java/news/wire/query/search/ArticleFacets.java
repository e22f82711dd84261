package news.wire.query.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

/**
 * Counts over every article matching a search (not only the page shown): the most named entities of each type,
 * the sources, and articles per hour or day of publication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleFacets(Map<String, List<Count>> entities, List<Count> sources, List<TimeCount> published) {

    private static final int ENTITIES_PER_TYPE = 10;
    private static final int ENTITY_TYPES = 4;
    private static final int SOURCES = 50;

    /** A value and the number of matching articles that have it. */
    public record Count(String value, long articles) {
    }

    /** The start of an hour or day and the number of matching articles published in it. */
    public record TimeCount(String start, long articles) {
    }

    /** The aggregations to request for the asked facets. */
    public static Map<String, Aggregation> request(ArticleQuery q) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        if (q.facets().contains(ArticleQuery.Facet.ENTITIES)) {
            // One entry per entity per article, so nested document counts are article counts.
            aggregations.put("entities", Aggregation.of(a -> a.nested(n -> n.path("entities"))
                    .aggregations("types", t -> t.terms(tt -> tt.field("entities.type").size(ENTITY_TYPES))
                            .aggregations("names", n -> n.terms(nt -> nt.field("entities.name").size(ENTITIES_PER_TYPE))))));
        }
        if (q.facets().contains(ArticleQuery.Facet.SOURCES)) {
            aggregations.put("sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(SOURCES))));
        }
        if (q.facets().contains(ArticleQuery.Facet.PUBLISHED)) {
            aggregations.put("published", histogram("publishedAt", q.interval()));
        }
        return aggregations;
    }

    /** Articles per bucket of a date field, with empty buckets between the first and last non-empty one. */
    static Aggregation histogram(String field, ArticleQuery.Interval interval) {
        CalendarInterval calendar = interval == ArticleQuery.Interval.HOUR ? CalendarInterval.Hour : CalendarInterval.Day;
        return Aggregation.of(a -> a.dateHistogram(d -> d.field(field).calendarInterval(calendar).minDocCount(0)));
    }

    /** The facets of a search response; null when none were asked for. */
    public static ArticleFacets of(ArticleQuery q, Map<String, Aggregate> aggregations) {
        if (q.facets().isEmpty()) {
            return null;
        }
        Map<String, List<Count>> entities = null;
        if (aggregations.containsKey("entities")) {
            entities = new LinkedHashMap<>();
            for (StringTermsBucket type : aggregations.get("entities").nested().aggregations().get("types").sterms()
                    .buckets().array()) {
                entities.put(type.key().stringValue(), counts(type.aggregations().get("names")));
            }
        }
        List<Count> sources = aggregations.containsKey("sources") ? counts(aggregations.get("sources")) : null;
        List<TimeCount> published = aggregations.containsKey("published")
                ? timeCounts(aggregations.get("published")) : null;
        return new ArticleFacets(entities, sources, published);
    }

    static List<Count> counts(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(b -> new Count(b.key().stringValue(), b.docCount())).toList();
    }

    static List<TimeCount> timeCounts(Aggregate histogram) {
        return histogram.dateHistogram().buckets().array().stream()
                .map(b -> new TimeCount(b.keyAsString(), b.docCount())).toList();
    }
}
