package news.wire.query.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import news.wire.query.entities.EntityCounts;
import news.wire.query.entities.EntityIdentity;
import news.wire.query.entities.RegisteredEntity;
import news.wire.query.indexing.TextLanguage;

/**
 * Counts over every article matching a search (not only the page shown): the most named entities of each type,
 * the sources, articles per hour or day of publication, the provider subjects most filed, and the languages
 * (detected, else declared: {@link TextLanguage}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleFacets(Map<String, List<Count>> entities, List<Count> sources, List<TimeCount> published,
                            List<SubjectCount> subjects, List<Count> languages) {

    private static final int ENTITIES_PER_TYPE = 10;
    private static final int ENTITY_IDS_PER_TYPE = 3 * ENTITIES_PER_TYPE;
    private static final int SOURCES = 50;
    private static final int LANGUAGES = 50;

    /** A value and the number of matching articles that have it; for an entity, also its id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(String value, long articles, String id) {

        Count(String value, long articles) {
            this(value, articles, null);
        }
    }

    /**
     * A provider subject and the number of matching articles filed under it: {@code value} is its name (its code when
     * sent without one); {@code code} and {@code scheme} when it has them. Any of the three finds it again as
     * {@code subject=}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectCount(String value, long articles, String code, String scheme) {
    }

    /** The start of an hour or day and the number of matching articles published in it. */
    public record TimeCount(String start, long articles) {
    }

    /** The aggregations to request for the asked facets. */
    public static Map<String, Aggregation> request(ArticleQuery q) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        if (q.facets().contains(ArticleQuery.Facet.ENTITIES)) {
            // One entry per entity per article, so nested document counts are article counts. Counted by id, with
            // room for short forms that fold into a listed entity (EntityCounts).
            aggregations.put("entities", Aggregation.of(a -> a.nested(n -> n.path("entities"))
                    .aggregations("types", t -> t.terms(tt -> tt.field("entities.type").size(EntityIdentity.TYPES.size()))
                            .aggregations("ids", n -> n.terms(nt -> nt.field("entities.id").size(ENTITY_IDS_PER_TYPE))
                                    .aggregations("name", nn -> nn.terms(x -> x.field("entities.name").size(1)))))));
        }
        if (q.facets().contains(ArticleQuery.Facet.SOURCES)) {
            aggregations.put("sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(SOURCES))));
        }
        if (q.facets().contains(ArticleQuery.Facet.PUBLISHED)) {
            aggregations.put("published", histogram("publishedAt", q.interval()));
        }
        if (q.facets().contains(ArticleQuery.Facet.SUBJECTS)) {
            aggregations.put(SubjectFacet.NAME, SubjectFacet.request());
        }
        if (q.facets().contains(ArticleQuery.Facet.LANGUAGES)) {
            aggregations.put("languages", Aggregation.of(a -> a.terms(t -> t.field(TextLanguage.FIELD).size(LANGUAGES))));
        }
        return aggregations;
    }

    /** Articles per bucket of a date field, with empty buckets between the first and last non-empty one. */
    static Aggregation histogram(String field, ArticleQuery.Interval interval) {
        CalendarInterval calendar = interval == ArticleQuery.Interval.HOUR ? CalendarInterval.Hour : CalendarInterval.Day;
        return Aggregation.of(a -> a.dateHistogram(d -> d.field(field).calendarInterval(calendar).minDocCount(0)));
    }

    /** The entity ids counted in a search response's entity facet (none when it was not asked for). */
    public static List<String> entityIds(Map<String, Aggregate> aggregations) {
        return aggregations.containsKey("entities")
                ? EntityCounts.ids(EntityCounts.byType(aggregations.get("entities"))) : List.of();
    }

    /** The facets of a search response, entities under their canonical entity; null when none were asked for. */
    public static ArticleFacets of(ArticleQuery q, Map<String, Aggregate> aggregations,
                                   Map<String, RegisteredEntity> canonical) {
        if (q.facets().isEmpty()) {
            return null;
        }
        Map<String, List<Count>> entities = null;
        if (aggregations.containsKey("entities")) {
            entities = new LinkedHashMap<>();
            for (var counted : EntityCounts.byType(aggregations.get("entities")).entrySet()) {
                entities.put(counted.getKey(), EntityCounts.fold(counted.getValue(), canonical, EntityCounts.BY_ARTICLES,
                        ENTITIES_PER_TYPE).stream().map(c -> new Count(c.name(), c.articles(), c.id())).toList());
            }
        }
        List<Count> sources = aggregations.containsKey("sources") ? counts(aggregations.get("sources")) : null;
        List<TimeCount> published = aggregations.containsKey("published")
                ? timeCounts(aggregations.get("published")) : null;
        List<SubjectCount> subjects = aggregations.containsKey(SubjectFacet.NAME)
                ? SubjectFacet.of(aggregations.get(SubjectFacet.NAME)) : null;
        List<Count> languages = aggregations.containsKey("languages") ? counts(aggregations.get("languages")) : null;
        return new ArticleFacets(entities, sources, published, subjects, languages);
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
