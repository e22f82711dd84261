package news.wire.query.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import news.wire.query.indexing.TextLanguage;

/**
 * The filter clauses of an article search. Conditions on one entity, one figure or one mentioned date go into a
 * single nested query each, so "Calder as a PERSON" or "more than 40 ships" must hold for the same tag, not for
 * two different tags of the article.
 */
public final class ArticleFilters {

    private ArticleFilters() {
    }

    /** The filters of the query; {@code entityEntry} is the condition on one entity entry (null when none asked). */
    public static List<Query> of(ArticleQuery q, Query entityEntry) {
        List<Query> filters = new ArrayList<>();
        if (!q.sources().isEmpty()) {
            List<FieldValue> values = q.sources().stream().map(FieldValue::of).toList();
            filters.add(Query.of(f -> f.terms(t -> t.field("source").terms(v -> v.value(values)))));
        }
        if (q.language() != null) {
            filters.add(language(q.language()));
        }
        if (q.from() != null || q.to() != null) {
            filters.add(dates("publishedAt", q.from(), q.to(), null));
        }
        if (entityEntry != null) {
            filters.add(nested("entities", entityEntry));
        }
        if (q.storyId() != null) {
            filters.add(term("storyId", q.storyId()));
        }
        if (q.subject() != null) {
            filters.add(nested("subjects", subject(q.subject())));
        }
        if (q.mentionedFrom() != null || q.mentionedTo() != null) {
            // Intersects: "November" is found by a question about 16 November, and "16 November" by one about
            // the month.
            filters.add(nested("dates", dates("dates.range", q.mentionedFrom(), q.mentionedTo(),
                    RangeRelation.Intersects)));
        }
        if (q.filtersNumbers()) {
            filters.add(numbers(q));
        }
        return filters;
    }

    /**
     * Articles in the language: by {@code textLanguage} (detected, else declared), and for documents indexed before
     * it was derived, by the declared tag as written.
     */
    private static Query language(String language) {
        Query read = term(TextLanguage.FIELD, TextLanguage.subtag(language).orElse(language));
        Query declaredOnly = Query.of(f -> f.bool(b -> b.must(term("language", language))
                .mustNot(m -> m.exists(e -> e.field(TextLanguage.FIELD)))));
        return Query.of(f -> f.bool(b -> b.should(read, declaredOnly).minimumShouldMatch("1")));
    }

    /** Dates in [from, to) on the field, either end open when null. */
    private static Query dates(String field, Instant from, Instant to, RangeRelation relation) {
        return Query.of(f -> f.range(r -> r.date(d -> {
            d.field(field).relation(relation);
            if (from != null) {
                d.gte(from.toString());
            }
            if (to != null) {
                d.lt(to.toString());
            }
            return d;
        })));
    }

    /**
     * One subject entry whose code, scheme:code (a QCode such as medtop:20000256) or name is the value, ignoring case
     * (the fields' lowercase normalizer applies to the value too): a desk types a code it files by, or the name it
     * reads, and a name may itself hold a colon.
     */
    private static Query subject(String value) {
        List<Query> ways = new ArrayList<>();
        ways.add(term("subjects.code.lower", value));
        ways.add(term("subjects.name.lower", value));
        int colon = value.indexOf(':');
        if (colon > 0 && colon < value.length() - 1) {
            ways.add(Query.of(f -> f.bool(b -> b.filter(term("subjects.scheme.lower", value.substring(0, colon)),
                    term("subjects.code.lower", value.substring(colon + 1))))));
        }
        return Query.of(f -> f.bool(b -> b.should(ways).minimumShouldMatch("1")));
    }

    private static Query numbers(ArticleQuery q) {
        List<Query> clauses = new ArrayList<>();
        if (q.countedThing() != null) {
            clauses.add(term("numbers.counted", q.countedThing()));
        }
        if (q.numberKind() != null) {
            clauses.add(term("numbers.kind", q.numberKind()));
        }
        if (q.min() != null || q.max() != null) {
            clauses.add(Query.of(f -> f.range(r -> r.number(n -> {
                n.field("numbers.value");
                if (q.min() != null) {
                    n.gte(q.min());
                }
                if (q.max() != null) {
                    n.lte(q.max());
                }
                return n;
            }))));
        }
        return nested("numbers", Query.of(f -> f.bool(b -> b.filter(clauses))));
    }

    public static Query term(String field, String value) {
        return Query.of(f -> f.term(t -> t.field(field).value(value)));
    }

    public static Query nested(String path, Query query) {
        return Query.of(f -> f.nested(n -> n.path(path).query(query)));
    }
}
