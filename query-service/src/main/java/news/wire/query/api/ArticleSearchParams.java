package news.wire.query.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import news.wire.query.search.ArticleQuery;
import news.wire.query.search.InvalidParameterException;

/** The query parameters of GET /v1/articles; field names are the parameter names reported in 400 problems. */
public class ArticleSearchParams {

    @QueryParam("q")
    @Size(max = 500)
    @Parameter(description = "Full text in simple query syntax: \"exact phrase\", -exclude, a | b. Matches English word forms (strikes finds striking)")
    public String q;

    @QueryParam("source")
    @Parameter(description = "Only these sources (repeatable)")
    public List<@Size(max = 200) String> source;

    @QueryParam("entity")
    @Size(max = 200)
    @Parameter(description = "Only articles naming this entity (canonical name, exact)")
    public String entity;

    @QueryParam("entityType")
    @Parameter(description = "PERSON, ORGANIZATION, LOCATION or MISC: with entity, the entity as that type; alone, articles naming any entity of it")
    public String entityType;

    @QueryParam("subject")
    @Size(max = 1_000)
    @Parameter(description = "Only articles the provider filed under this subject: its code (20000256), scheme:code "
            + "(medtop:20000256) or name (agriculture), ignoring case")
    public String subject;

    @QueryParam("storyId")
    @Size(max = 64)
    @Parameter(description = "Only articles of this story (the storyId of its articles)")
    public String storyId;

    @QueryParam("from")
    @Parameter(description = "Published at or after: 2026-11-16 or 2026-11-16T06:00:00Z")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Published before this date-time, or on or before this date")
    public String to;

    @QueryParam("mentionedFrom")
    @Parameter(description = "Articles mentioning a date or time that overlaps [mentionedFrom, mentionedTo]")
    public String mentionedFrom;

    @QueryParam("mentionedTo")
    @Parameter(description = "See mentionedFrom; a date includes that whole day")
    public String mentionedTo;

    @QueryParam("countedThing")
    @Size(max = 100)
    @Parameter(description = "A figure counting this (\"ships\", \"refugees\"; case-insensitive)")
    public String countedThing;

    @QueryParam("numberKind")
    @Parameter(description = "A figure of this kind: CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY")
    public String numberKind;

    @QueryParam("min")
    @Parameter(description = "A figure of at least this value (same figure as countedThing/numberKind/max)")
    public String min;

    @QueryParam("max")
    @Parameter(description = "A figure of at most this value")
    public String max;

    @QueryParam("language")
    @Size(max = 20)
    @Parameter(description = "Only articles in this language (en, de, zh): the one enrich detected in the copy, else "
            + "the one the wire declared")
    public String language;

    @QueryParam("sort")
    @Parameter(description = "relevance (default with q) or newest (default without)")
    public String sort;

    @QueryParam("cursor")
    @Size(max = 4096)
    @Parameter(description = "The cursor of the previous page, for the next one")
    public String cursor;

    @QueryParam("size")
    @Parameter(description = "Articles per page, 1 to 100 (default 20)")
    public String size;

    @QueryParam("highlight")
    @Parameter(description = "true: add HTML-escaped headline/body fragments with matches in <em> (needs q)")
    public String highlight;

    @QueryParam("facets")
    @Parameter(description = "Comma-separated: entities, sources, published, subjects, languages")
    public List<String> facets;

    @QueryParam("interval")
    @Parameter(description = "Bucket of the published facet: hour or day (default)")
    public String interval;

    ArticleQuery toQuery() {
        String text = Params.text(q);
        var fromInstant = Params.start("from", from);
        var toInstant = Params.end("to", to);
        Params.ordered("from", fromInstant, "to", toInstant);
        var mentionedStart = Params.start("mentionedFrom", mentionedFrom);
        var mentionedEnd = Params.end("mentionedTo", mentionedTo);
        Params.ordered("mentionedFrom", mentionedStart, "mentionedTo", mentionedEnd);
        Double minValue = Params.number("min", min);
        Double maxValue = Params.number("max", max);
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new InvalidParameterException("max", "must not be below min");
        }
        List<String> sources = source == null ? List.of()
                : source.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
        return new ArticleQuery(text, sources, Params.text(entity),
                Params.oneOf("entityType", entityType, Params.ENTITY_TYPES), Params.text(subject), Params.text(storyId),
                fromInstant,
                toInstant,
                mentionedStart, mentionedEnd, Params.text(countedThing),
                Params.oneOf("numberKind", numberKind, Params.NUMBER_KINDS), minValue, maxValue,
                Params.text(language), order(text), Params.text(cursor), Params.whole("size", size, 20, 1, 100),
                Params.flag("highlight", highlight), facets(),
                Params.interval(interval));
    }

    private ArticleQuery.Order order(String text) {
        return Params.choice("sort", sort, text == null ? ArticleQuery.Order.NEWEST : ArticleQuery.Order.RELEVANCE,
                Map.of("relevance", ArticleQuery.Order.RELEVANCE, "newest", ArticleQuery.Order.NEWEST),
                "must be relevance or newest");
    }

    private Set<ArticleQuery.Facet> facets() {
        Set<ArticleQuery.Facet> asked = EnumSet.noneOf(ArticleQuery.Facet.class);
        if (facets == null) {
            return asked;
        }
        for (String list : facets) {
            for (String name : list.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    asked.add(ArticleQuery.Facet.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException("facets",
                            "each must be entities, sources, published, subjects or languages");
                }
            }
        }
        return asked;
    }
}
