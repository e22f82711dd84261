package news.wire.query.watches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TermQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TermsQuery;

/**
 * What an article must carry for a watch's query to have a chance of matching it, read from the query itself (what a
 * percolator's query-term extraction does): a list of term sets, each of which must share a term with the article.
 * Asking Elasticsearch a watch's query cost a fixed share of its CPU per watch per batch, whatever the batch held; most
 * watches name words or entities no article of a batch carries, and a watch whose gate no article passes is not asked.
 *
 * <p>A gate may let through an article the query does not match (Elasticsearch's answer decides), never the reverse:
 * a clause it cannot read (a range, a negation, query syntax) asks nothing of the article.
 */
final class WatchGate {

    /** Analyses text as a text field of the article index does; a word that analyses to nothing gives no token. */
    interface Analysis {
        List<String> tokens(String field, String text) throws IOException;
    }

    /** The gate of a query that says nothing readable: every article may match. */
    static final WatchGate OPEN = new WatchGate(List.of(), false);

    /**
     * Keyword fields whose indexed terms are the article document's values as written: no normalizer, nothing derived
     * in Elasticsearch. A field outside this list is never part of a gate.
     */
    static final List<String> KEYWORD_FIELDS = List.of("source", "storyId", "entities.id", "entities.type",
            "entities.name", "numbers.kind");

    /** Text fields a gate may look for words in; their index analyzer is their search analyzer (template). */
    static final Set<String> TEXT_FIELDS = Set.of("headline", "body");

    /** Characters with a meaning in simple_query_string beyond "a word": a text holding one gets no gate. */
    private static final Pattern QUERY_SYNTAX = Pattern.compile("[+|\\-\"*()~\\\\]");

    /** Between a key's field and its value: no field name or term holds it. */
    private static final char SEPARATOR = '\u0000';

    private final List<Set<String>> required;
    private final boolean exact;

    private WatchGate(List<Set<String>> required, boolean exact) {
        this.required = required;
        this.exact = exact;
    }

    /** The gate of the query; Elasticsearch is asked only to analyse words, once per field and word. */
    static WatchGate of(Query query, Analysis analysis) throws IOException {
        Reading reading = read(query, analysis);
        return reading.required().isEmpty() ? OPEN : new WatchGate(List.copyOf(reading.required()), reading.exact());
    }

    /**
     * Whether the gate is the whole query: every clause read, each as the article's keys can tell it (a plain word of
     * one token, a keyword, one condition of a nested entry), so {@link #admits} is the match itself and Elasticsearch
     * need not be asked; what a percolator calls a verified candidate.
     */
    boolean exact() {
        return exact;
    }

    /** Whether an article with these {@link #keysOf keys} may match. */
    boolean admits(Set<String> articleKeys) {
        for (Set<String> anyOf : required) {
            if (!sharesOne(anyOf, articleKeys)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the gate's few keys and the article's many share one: looked up key by key in the article's set
     * ({@code Collections.disjoint} walks the second set when the first is one, here the article's thousand terms, and
     * with 10,000 watches that took seconds a pass).
     */
    private static boolean sharesOne(Set<String> few, Set<String> many) {
        for (String key : few) {
            if (many.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The text fields whose terms {@link #admits} needs of an article. */
    Set<String> textFields() {
        Set<String> fields = new HashSet<>();
        for (Set<String> anyOf : required) {
            for (String key : anyOf) {
                String field = key.substring(0, key.indexOf(SEPARATOR));
                if (TEXT_FIELDS.contains(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The keys of an article: its values of the keyword fields, and the terms of its text fields given. */
    static Set<String> keysOf(JsonNode article, Map<String, Set<String>> textTerms) {
        Set<String> keys = new HashSet<>();
        for (String field : KEYWORD_FIELDS) {
            collect(article, field.split("\\."), 0, field, keys);
        }
        textTerms.forEach((field, terms) -> terms.forEach(term -> keys.add(key(field, term))));
        return keys;
    }

    private static void collect(JsonNode node, String[] path, int depth, String field, Set<String> keys) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, path, depth, field, keys));
        } else if (depth == path.length) {
            if (node.isTextual()) {
                keys.add(key(field, node.asText()));
            }
        } else {
            collect(node.get(path[depth]), path, depth + 1, field, keys);
        }
    }

    static String key(String field, String value) {
        return field + SEPARATOR + value;
    }

    /**
     * What a query asks, as read: term sets each of which an article must share a term with; exact when an article
     * matches the query if and only if it does.
     */
    private record Reading(List<Set<String>> required, boolean exact) {

        static final Reading NOTHING = new Reading(List.of(), false);
    }

    private static Reading read(Query query, Analysis analysis) throws IOException {
        return switch (query._kind()) {
            case Bool -> read(query.bool(), analysis);
            case Nested -> readNested(read(query.nested().query(), analysis));
            case Term -> read(query.term());
            case Terms -> read(query.terms());
            case SimpleQueryString -> read(query.simpleQueryString(), analysis);
            default -> Reading.NOTHING;
        };
    }

    /**
     * A nested query holds when one entry meets its condition; the article's keys pool all entries, so only a
     * condition of one term set (one field of the entry) is still read exactly.
     */
    private static Reading readNested(Reading inner) {
        return new Reading(inner.required(), inner.exact() && inner.required().size() == 1);
    }

    private static Reading read(BoolQuery bool, Analysis analysis) throws IOException {
        List<Set<String>> required = new ArrayList<>();
        boolean exact = bool.mustNot().isEmpty();
        for (Query clause : bool.must()) {
            Reading reading = read(clause, analysis);
            required.addAll(reading.required());
            exact &= reading.exact();
        }
        for (Query clause : bool.filter()) {
            Reading reading = read(clause, analysis);
            required.addAll(reading.required());
            exact &= reading.exact();
        }
        if (bool.should().isEmpty() || !someShouldRequired(bool)) {
            // Should clauses beside must or filter clauses only score: they do not decide what matches.
            return new Reading(required, exact && (bool.should().isEmpty() || bool.minimumShouldMatch() == null));
        }
        // One of the clauses holds, so the article carries a term of one set of each: the union of one set per clause
        // (exactly the condition when each clause is a single exact set, and one clause is all that is asked).
        Set<String> anyOf = new HashSet<>();
        exact &= "1".equals(bool.minimumShouldMatch()) || bool.minimumShouldMatch() == null;
        for (Query clause : bool.should()) {
            Reading ofClause = read(clause, analysis);
            if (ofClause.required().isEmpty()) {
                return new Reading(required, false);
            }
            exact &= ofClause.exact() && ofClause.required().size() == 1;
            anyOf.addAll(ofClause.required().stream().min((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow());
        }
        required.add(anyOf);
        return new Reading(required, exact);
    }

    /**
     * Whether at least one should clause must match: by default only when the bool has no must or filter clause;
     * otherwise when minimum_should_match says so as a plain positive count (a percentage is not read).
     */
    private static boolean someShouldRequired(BoolQuery bool) {
        String minimum = bool.minimumShouldMatch();
        if (minimum == null) {
            return bool.must().isEmpty() && bool.filter().isEmpty();
        }
        try {
            return Integer.parseInt(minimum.trim()) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Reading read(TermQuery term) {
        if (!KEYWORD_FIELDS.contains(term.field()) || Boolean.TRUE.equals(term.caseInsensitive())
                || !term.value().isString()) {
            return Reading.NOTHING;
        }
        return new Reading(List.of(Set.of(key(term.field(), term.value().stringValue()))), true);
    }

    private static Reading read(TermsQuery terms) {
        if (!KEYWORD_FIELDS.contains(terms.field()) || !terms.terms().isValue()) {
            return Reading.NOTHING;
        }
        Set<String> anyOf = new HashSet<>();
        for (FieldValue value : terms.terms().value()) {
            if (!value.isString()) {
                return Reading.NOTHING;
            }
            anyOf.add(key(terms.field(), value.stringValue()));
        }
        return anyOf.isEmpty() ? Reading.NOTHING : new Reading(List.of(anyOf), true);
    }

    /**
     * Plain words only (no operator, phrase, prefix or fuzziness): each word is a clause over the fields, every one
     * required under AND and one of them under OR, and a clause matches when the article carries one of the word's
     * tokens in one of the fields: exactly so when the word is one token in each field (several tokens of one word
     * make a query of their own, read here only as "one of them").
     */
    private static Reading read(SimpleQueryStringQuery text, Analysis analysis) throws IOException {
        if (!text.flags().isEmpty() || text.minimumShouldMatch() != null || text.analyzer() != null
                || QUERY_SYNTAX.matcher(text.query()).find()) {
            return Reading.NOTHING;
        }
        List<String> fields = new ArrayList<>();
        for (String field : text.fields()) {
            String name = field.replaceFirst("\\^[0-9.]+$", "");
            if (!TEXT_FIELDS.contains(name)) {
                return Reading.NOTHING;
            }
            fields.add(name);
        }
        if (fields.isEmpty()) {
            return Reading.NOTHING;
        }
        List<Set<String>> words = new ArrayList<>();
        boolean exact = true;
        for (String word : text.query().trim().split("\\s+")) {
            Set<String> anyOf = new LinkedHashSet<>();
            for (String field : fields) {
                List<String> tokens = analysis.tokens(field, word);
                exact &= tokens.size() <= 1;
                for (String token : tokens) {
                    anyOf.add(key(field, token));
                }
            }
            if (!anyOf.isEmpty()) {
                words.add(anyOf);
            }
        }
        if (words.isEmpty()) {
            return Reading.NOTHING;
        }
        if (text.defaultOperator() == Operator.And) {
            return new Reading(words, exact);
        }
        Set<String> anyWord = new HashSet<>();
        words.forEach(anyWord::addAll);
        return new Reading(List.of(anyWord), exact);
    }

    @Override
    public String toString() {
        return (exact ? "exactly " : "") + required.toString().replace(SEPARATOR, ':');
    }
}
