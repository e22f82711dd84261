package news.wire.query.watches;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.DateRangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.NestedQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.NumberRangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TermQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TermsQuery;

/**
 * Whether an article matches a watch's query, decided in Java from the article's document and its
 * {@link WatchGate#keysOf keys}, for queries made only of clauses read here as Elasticsearch reads them (what a
 * percolator calls verifying a candidate): such a watch is not asked of Elasticsearch, and no article is copied for
 * it. A query holding any other clause (a phrase, a range over mentioned dates, query syntax, a field of another
 * kind) gets no verdict and is asked of Elasticsearch as before.
 */
final class WatchVerdict {

    /**
     * An article holds a value this class might read otherwise than Elasticsearch (a keyword that is a number, a date
     * in another form): the watch is asked of Elasticsearch for the batch.
     */
    static final class Undecided extends RuntimeException {

        Undecided(String why) {
            super(why, null, false, false);
        }
    }

    /** How a field's values compare; {@code WatchVerdictTest} checks the article template gives each field this type. */
    enum FieldKind {
        /** keyword with no normalizer: the value as written. */
        KEYWORD,
        /** keyword with the {@code lowercase} normalizer, which also applies to a term query's value. */
        LOWERCASE_KEYWORD,
        /** date (milliseconds), written as an ISO-8601 date and time with an offset. */
        DATE,
        /** double. */
        DOUBLE
    }

    /** The fields a verdict reads; a clause on any other field leaves the query without one. */
    static final Map<String, FieldKind> FIELDS = Map.ofEntries(
            Map.entry("source", FieldKind.KEYWORD),
            Map.entry("storyId", FieldKind.KEYWORD),
            Map.entry("language", FieldKind.KEYWORD),
            Map.entry("detectedLanguage", FieldKind.KEYWORD),
            Map.entry("textLanguage", FieldKind.KEYWORD),
            Map.entry("publishedAt", FieldKind.DATE),
            Map.entry("entities.id", FieldKind.KEYWORD),
            Map.entry("entities.type", FieldKind.KEYWORD),
            Map.entry("entities.name", FieldKind.KEYWORD),
            Map.entry("numbers.kind", FieldKind.KEYWORD),
            Map.entry("numbers.unit", FieldKind.KEYWORD),
            Map.entry("numbers.currency", FieldKind.KEYWORD),
            Map.entry("numbers.qualifier", FieldKind.KEYWORD),
            Map.entry("numbers.counted", FieldKind.LOWERCASE_KEYWORD),
            Map.entry("entities.name.lower", FieldKind.LOWERCASE_KEYWORD),
            Map.entry("numbers.value", FieldKind.DOUBLE));

    /** Nested entries: a clause on one of their fields holds only inside a nested query on its path. */
    static final Set<String> NESTED = Set.of("entities", "numbers", "dates", "subjects");

    private interface Test {
        boolean on(Scope scope);
    }

    /** Where a clause is read: the article, or one entry under a nested path; the article's keys besides. */
    private record Scope(JsonNode node, Set<String> keys) {

        /**
         * The values of the field named so in this scope ({@link #named}): the array itself, whose null elements the
         * caller passes over, or the one value; none when absent or null. Nothing is copied: a thousand watches read
         * the same entities.
         */
        Iterable<JsonNode> values(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            return value.isArray() ? value : List.of(value);
        }
    }

    /**
     * The name a field's values have in a scope under the path: a multi-field's those of the field it is made of, and
     * inside a nested entry the name without the path.
     */
    private static String named(String field, String path) {
        String source = WatchGate.LOWERCASED_FIELDS.getOrDefault(field, field);
        return path.isEmpty() ? source : source.substring(path.length() + 1);
    }

    private final Test test;
    private final Set<String> textFields;

    private WatchVerdict(Test test, Set<String> textFields) {
        this.test = test;
        this.textFields = Set.copyOf(textFields);
    }

    /** The verdict of the query, or null when some clause of it is not read here. */
    static WatchVerdict of(Query query, WatchGate.Analysis analysis) throws IOException {
        Set<String> textFields = new HashSet<>();
        Test test = new Reader(analysis, textFields).read(query, "");
        return test == null ? null : new WatchVerdict(test, textFields);
    }

    /**
     * Whether the article matches; its keys must hold its terms of {@link #textFields()}.
     *
     * @throws Undecided when the article holds a value read here otherwise than Elasticsearch might
     */
    boolean matches(JsonNode article, Set<String> keys) {
        return test.on(new Scope(article, keys));
    }

    /** The text fields whose terms the verdict looks for among the article's keys. */
    Set<String> textFields() {
        return textFields;
    }

    /** Reads one query into a test, noting the text fields it looks in. */
    private record Reader(WatchGate.Analysis analysis, Set<String> textFields) {

        Test read(Query query, String path) throws IOException {
            return switch (query._kind()) {
                case MatchAll -> scope -> true;
                case Bool -> read(query.bool(), path);
                case Nested -> read(query.nested(), path);
                case Term -> read(query.term(), path);
                case Terms -> read(query.terms(), path);
                case Range -> read(query.range(), path);
                case Exists -> field(query.exists().field(), path) == null ? null
                        : anyValue(named(query.exists().field(), path), value -> true);
                case SimpleQueryString -> path.isEmpty() ? words(WatchGate.wordsOf(query.simpleQueryString(),
                        analysis)) : null;
                default -> null;
            };
        }

        /**
         * Must and filter clauses all hold, no must_not clause does, and at least minimum_should_match should clauses
         * do (by default one when there is no must or filter clause, else none: they only score).
         */
        private Test read(BoolQuery bool, String path) throws IOException {
            List<Test> all = new ArrayList<>();
            for (Query clause : bool.must()) {
                all.add(read(clause, path));
            }
            for (Query clause : bool.filter()) {
                all.add(read(clause, path));
            }
            List<Test> none = new ArrayList<>();
            for (Query clause : bool.mustNot()) {
                none.add(read(clause, path));
            }
            Integer minimum = minimumShouldMatch(bool);
            if (minimum == null || all.contains(null) || none.contains(null)) {
                return null;
            }
            List<Test> some = new ArrayList<>();
            if (minimum > 0) {
                for (Query clause : bool.should()) {
                    some.add(read(clause, path));
                }
                if (some.contains(null)) {
                    return null;
                }
            }
            int needed = minimum;
            return scope -> {
                for (Test test : all) {
                    if (!test.on(scope)) {
                        return false;
                    }
                }
                for (Test test : none) {
                    if (test.on(scope)) {
                        return false;
                    }
                }
                int held = 0;
                for (int i = 0; i < some.size() && held < needed; i++) {
                    held += some.get(i).on(scope) ? 1 : 0;
                }
                return held >= needed;
            };
        }

        /** Holds when some value of the field named so in the scope, nulls passed over, passes. */
        private static Test anyValue(String name, Predicate<JsonNode> passes) {
            return scope -> {
                for (JsonNode value : scope.values(name)) {
                    if (!value.isNull() && passes.test(value)) {
                        return true;
                    }
                }
                return false;
            };
        }

        /** How many should clauses must hold, or null when minimum_should_match is not a plain count. */
        private static Integer minimumShouldMatch(BoolQuery bool) {
            String minimum = bool.minimumShouldMatch();
            if (minimum == null) {
                return bool.should().isEmpty() || !bool.must().isEmpty() || !bool.filter().isEmpty() ? 0 : 1;
            }
            try {
                int count = Integer.parseInt(minimum.trim());
                return count >= 0 ? count : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** One entry under the path meets the condition; entries are not nested further here. */
        private Test read(NestedQuery nested, String path) throws IOException {
            String inner = nested.path();
            if (!path.isEmpty() || !NESTED.contains(inner)) {
                return null;
            }
            Test test = read(nested.query(), inner);
            if (test == null) {
                return null;
            }
            return scope -> {
                for (JsonNode entry : scope.values(inner)) {
                    if (entry.isObject() && test.on(new Scope(entry, scope.keys()))) {
                        return true;
                    }
                }
                return false;
            };
        }

        private Test read(TermQuery term, String path) {
            FieldKind kind = field(term.field(), path);
            if (!isKeyword(kind) || Boolean.TRUE.equals(term.caseInsensitive()) || !term.value().isString()) {
                return null;
            }
            return keywordIn(term.field(), path, kind, Set.of(normalised(kind, term.value().stringValue())));
        }

        private Test read(TermsQuery terms, String path) {
            FieldKind kind = field(terms.field(), path);
            if (!isKeyword(kind) || !terms.terms().isValue()) {
                return null;
            }
            Set<String> values = new HashSet<>();
            for (FieldValue value : terms.terms().value()) {
                if (!value.isString()) {
                    return null;
                }
                values.add(normalised(kind, value.stringValue()));
            }
            return keywordIn(terms.field(), path, kind, values);
        }

        private static Test keywordIn(String field, String path, FieldKind kind, Set<String> values) {
            // The article's keys hold every string value of the field, wherever it is (any nested entry): when none is
            // one of these, no entry matches, which a thousand watches found out without walking the entries each.
            Set<String> keys = WatchGate.keys(field)
                    ? values.stream().map(v -> WatchGate.key(field, v)).collect(Collectors.toUnmodifiableSet())
                    : null;
            String notText = WatchGate.notTextKey(field);
            Test someValue = anyValue(named(field, path), value -> {
                if (!value.isTextual()) {
                    throw new Undecided(field + " holds a " + value.getNodeType());
                }
                return values.contains(normalised(kind, value.textValue()));
            });
            return scope -> {
                if (keys != null && scope.keys().contains(WatchGate.EVERY_KEYWORD) && !scope.keys().contains(notText)
                        && !WatchGate.sharesOne(keys, scope.keys())) {
                    return false;
                }
                return someValue.on(scope);
            };
        }

        private Test read(RangeQuery range, String path) {
            if (range.isDate()) {
                return read(range.date(), path);
            }
            return range.isNumber() ? read(range.number(), path) : null;
        }

        /**
         * Instants as bounds (no date math, format or time zone), on a date field: Elasticsearch keeps milliseconds,
         * so bounds and values are both cut to the millisecond.
         */
        private Test read(DateRangeQuery range, String path) {
            if (field(range.field(), path) != FieldKind.DATE || range.format() != null || range.timeZone() != null
                    || range.relation() != null) {
                return null;
            }
            Long gte = instantMillis(range.gte());
            Long gt = instantMillis(range.gt());
            Long lte = instantMillis(range.lte());
            Long lt = instantMillis(range.lt());
            if ((range.gte() != null && gte == null) || (range.gt() != null && gt == null)
                    || (range.lte() != null && lte == null) || (range.lt() != null && lt == null)) {
                return null;
            }
            String field = range.field();
            return anyValue(named(field, path), value -> {
                long millis = dateMillis(field, value);
                return (gte == null || millis >= gte) && (gt == null || millis > gt)
                        && (lte == null || millis <= lte) && (lt == null || millis < lt);
            });
        }

        /**
         * Doubles compared as Elasticsearch orders them ({@code Double.compare}: -0.0 below 0.0), bounds as given.
         */
        private Test read(NumberRangeQuery range, String path) {
            if (field(range.field(), path) != FieldKind.DOUBLE || range.relation() != null) {
                return null;
            }
            Double gte = range.gte();
            Double gt = range.gt();
            Double lte = range.lte();
            Double lt = range.lt();
            String field = range.field();
            return anyValue(named(field, path), value -> {
                if (!value.isNumber()) {
                    throw new Undecided(field + " holds a " + value.getNodeType());
                }
                double v = value.doubleValue();
                return (gte == null || Double.compare(v, gte) >= 0) && (gt == null || Double.compare(v, gt) > 0)
                        && (lte == null || Double.compare(v, lte) <= 0) && (lt == null || Double.compare(v, lt) < 0);
            });
        }

        /** Each word one token in each field: every word found under AND, one under OR, among the article's keys. */
        private Test words(WatchGate.Words words) {
            if (words == null || !words.oneTokenEach()) {
                return null;
            }
            textFields.addAll(words.fields());
            List<Set<String>> each = words.keys();
            boolean every = words.operator() == Operator.And;
            return scope -> {
                for (Set<String> word : each) {
                    boolean found = false;
                    for (String key : word) {
                        if (scope.keys().contains(key)) {
                            found = true;
                            break;
                        }
                    }
                    if (found != every) {
                        return found;
                    }
                }
                return every;
            };
        }

        /** The field's kind when a clause in this scope may read it, else null. */
        private static FieldKind field(String field, String path) {
            FieldKind kind = FIELDS.get(field);
            if (kind == null) {
                return null;
            }
            int dot = field.indexOf('.');
            String fieldPath = dot < 0 ? "" : field.substring(0, dot);
            return fieldPath.equals(path) ? kind : null;
        }
    }

    private static boolean isKeyword(FieldKind kind) {
        return kind == FieldKind.KEYWORD || kind == FieldKind.LOWERCASE_KEYWORD;
    }

    private static String normalised(FieldKind kind, String value) {
        return kind == FieldKind.LOWERCASE_KEYWORD ? WatchGate.lowercased(value) : value;
    }

    /** A bound written as an instant (what searches write), in milliseconds; null otherwise. */
    private static Long instantMillis(String bound) {
        if (bound == null) {
            return null;
        }
        try {
            return Instant.parse(bound).truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long dateMillis(String field, JsonNode value) {
        if (value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                        .truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            } catch (DateTimeParseException e) {
                // A form Elasticsearch may read otherwise: it decides.
            }
        }
        throw new Undecided(field + " holds " + value);
    }
}
