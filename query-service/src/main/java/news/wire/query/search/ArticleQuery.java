package news.wire.query.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A parsed article search: full text, filters, order, page and extras. Nulls and empty lists mean "not asked";
 * ranges are half-open [from, to). {@code subject} is a provider subject's code, scheme:code or name; {@code storyId} the id of a
 * story.
 */
public record ArticleQuery(String text, List<String> sources, String entity, String entityType, String subject,
                           String storyId, Instant from,
                           Instant to, Instant mentionedFrom, Instant mentionedTo, String countedThing,
                           String numberKind, Double min, Double max, String language, Order order, String cursor,
                           int size, boolean highlight, Set<Facet> facets, Interval interval) {

    /** Result order: best match first, or most recently published first. */
    public enum Order { RELEVANCE, NEWEST }

    /** What can be counted alongside a page of results. */
    public enum Facet { ENTITIES, SOURCES, PUBLISHED, SUBJECTS, LANGUAGES }

    /** Bucket width of a histogram over publication time. */
    public enum Interval { HOUR, DAY }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** True when any filter on the numbers stated in the article was asked for. */
    public boolean filtersNumbers() {
        return countedThing != null || numberKind != null || min != null || max != null;
    }
}
