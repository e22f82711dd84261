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
 * <p>A gate may let through an article the query does not match (a {@link WatchVerdict} or Elasticsearch decides),
 * never the reverse: a clause it cannot read (a range, a negation, query syntax) asks nothing of the article.
 */
final class WatchGate {

    /** Analyses text as a text field of the article index does; a word that analyses to nothing gives no token. */
    interface Analysis {
        List<String> tokens(String field, String text) throws IOException;
    }

    /** The gate of a query that says nothing readable: every article may match. */
    static final WatchGate OPEN = new WatchGate(List.of());

    /**
     * Keyword fields whose indexed terms are the article document's values as written: no normalizer, nothing derived
     * in Elasticsearch. A field outside this list is never part of a gate.
     */
    static final List<String> KEYWORD_FIELDS = List.of("source", "storyId", "entities.id", "entities.type",
            "entities.name", "numbers.kind");

    /**
     * Keyword fields under the {@code lowercase} normalizer, each with the document field its values come from (itself,
     * or the field a multi-field is made of): their terms, and a term query's value, are the value lowered.
     */
    static final Map<String, String> LOWERCASED_FIELDS = Map.of("entities.name.lower", "entities.name",
            "numbers.counted", "numbers.counted");

    /** Text fields a gate may look for words in; their index analyzer is their search analyzer (template). */
    static final Set<String> TEXT_FIELDS = Set.of("headline", "body");

    /** Characters with a meaning in simple_query_string beyond "a word": a text holding one gets no gate. */
    private static final Pattern QUERY_SYNTAX = Pattern.compile("[+|\\-\"*()~\\\\]");

    /** Between a key's field and its value: no field name or term holds it. */
    private static final char SEPARATOR = '\u0000';
    /** Among an article's keys when they were made by {@link #keysOf}: no field name or term starts with it. */
    static final String EVERY_KEYWORD = "\u0001keywords";
    /** After a field's name, in place of the separator and a value: the field holds a value that is not a string. */
    private static final char NOT_TEXT = '\u0001';

    private final List<Set<String>> required;
    private final Set<String> textFields;

    private WatchGate(List<Set<String>> required) {
        this.required = required;
        Set<String> fields = new HashSet<>();
        for (Set<String> anyOf : required) {
            for (String key : anyOf) {
                String field = key.substring(0, key.indexOf(SEPARATOR));
                if (TEXT_FIELDS.contains(field)) {
                    fields.add(field);
                }
            }
        }
        this.textFields = Set.copyOf(fields);
    }

    /** The gate of the query; Elasticsearch is asked only to analyse words, once per field and word. */
    static WatchGate of(Query query, Analysis analysis) throws IOException {
        List<Set<String>> required = read(query, analysis);
        return required.isEmpty() ? OPEN : new WatchGate(List.copyOf(required));
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
    static boolean sharesOne(Set<String> few, Set<String> many) {
        for (String key : few) {
            if (many.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The text fields whose terms {@link #admits} needs of an article. */
    Set<String> textFields() {
        return textFields;
    }

    /** The keys of an article: its values of the keyword fields, and the terms of its text fields given. */
    static Set<String> keysOf(JsonNode article, Map<String, Set<String>> textTerms) {
        Set<String> keys = new HashSet<>();
        keys.add(EVERY_KEYWORD);
        for (String field : KEYWORD_FIELDS) {
            collect(article, field.split("\\."), 0, field, false, keys);
        }
        LOWERCASED_FIELDS.forEach((field, source) -> collect(article, source.split("\\."), 0, field, true, keys));
        textTerms.forEach((field, terms) -> terms.forEach(term -> keys.add(key(field, term))));
        return keys;
    }

    private static void collect(JsonNode node, String[] path, int depth, String field, boolean lowered,
                                Set<String> keys) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, path, depth, field, lowered, keys));
        } else if (depth == path.length) {
            if (node.isTextual()) {
                keys.add(key(field, lowered ? lowercased(node.asText()) : node.asText()));
            } else {
                keys.add(notTextKey(field));
            }
        } else {
            collect(node.get(path[depth]), path, depth + 1, field, lowered, keys);
        }
    }

    /** As the {@code lowercase} normalizer leaves a value: each code point lowered on its own, whatever the locale. */
    static String lowercased(String value) {
        StringBuilder lowered = new StringBuilder(value.length());
        value.codePoints().forEach(c -> lowered.appendCodePoint(Character.toLowerCase(c)));
        return lowered.toString();
    }

    /** The key a term query's value has on the field, or null when the gate does not read the field. */
    private static String termKey(String field, String value) {
        if (KEYWORD_FIELDS.contains(field)) {
            return key(field, value);
        }
        return LOWERCASED_FIELDS.containsKey(field) ? key(field, lowercased(value)) : null;
    }

    static String key(String field, String value) {
        return field + SEPARATOR + value;
    }

    /**
     * The key an article has when the field holds a value that is not a string (Elasticsearch would index its text);
     * no value's key is this one.
     */
    static String notTextKey(String field) {
        return field + NOT_TEXT;
    }

    /**
     * Whether an article's keys ({@link #keysOf}, which mark them with {@link #EVERY_KEYWORD}) hold every value of this
     * keyword field: its strings' keys, and its notTextKey when it holds another value.
     */
    static boolean keys(String field) {
        return KEYWORD_FIELDS.contains(field) || LOWERCASED_FIELDS.containsKey(field);
    }

    /** The term sets a query asks an article to share a term with each, as read; none when nothing is readable. */
    private static List<Set<String>> read(Query query, Analysis analysis) throws IOException {
        return switch (query._kind()) {
            case Bool -> read(query.bool(), analysis);
            // A nested query holds when one entry meets its condition; every set the entry needs, the article has.
            case Nested -> read(query.nested().query(), analysis);
            case Term -> read(query.term());
            case Terms -> read(query.terms());
            case SimpleQueryString -> read(wordsOf(query.simpleQueryString(), analysis));
            default -> List.of();
        };
    }

    private static List<Set<String>> read(BoolQuery bool, Analysis analysis) throws IOException {
        List<Set<String>> required = new ArrayList<>();
        for (Query clause : bool.must()) {
            required.addAll(read(clause, analysis));
        }
        for (Query clause : bool.filter()) {
            required.addAll(read(clause, analysis));
        }
        if (bool.should().isEmpty() || !someShouldRequired(bool)) {
            // Should clauses beside must or filter clauses only score: they do not decide what matches.
            return required;
        }
        // One of the clauses holds, so the article carries a term of one set of each: the union of one set per clause.
        Set<String> anyOf = new HashSet<>();
        for (Query clause : bool.should()) {
            List<Set<String>> ofClause = read(clause, analysis);
            if (ofClause.isEmpty()) {
                return required;
            }
            anyOf.addAll(ofClause.stream().min((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow());
        }
        required.add(anyOf);
        return required;
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

    private static List<Set<String>> read(TermQuery term) {
        if (Boolean.TRUE.equals(term.caseInsensitive()) || !term.value().isString()) {
            return List.of();
        }
        String key = termKey(term.field(), term.value().stringValue());
        return key == null ? List.of() : List.of(Set.of(key));
    }

    private static List<Set<String>> read(TermsQuery terms) {
        if (!terms.terms().isValue()) {
            return List.of();
        }
        Set<String> anyOf = new HashSet<>();
        for (FieldValue value : terms.terms().value()) {
            String key = value.isString() ? termKey(terms.field(), value.stringValue()) : null;
            if (key == null) {
                return List.of();
            }
            anyOf.add(key);
        }
        return anyOf.isEmpty() ? List.of() : List.of(anyOf);
    }

    /** Every word under AND, any one of them under OR. */
    private static List<Set<String>> read(Words words) {
        if (words == null) {
            return List.of();
        }
        if (words.operator() == Operator.And) {
            return words.keys();
        }
        Set<String> anyWord = new HashSet<>();
        words.keys().forEach(anyWord::addAll);
        return List.of(anyWord);
    }

    /**
     * The plain words of a simple_query_string over text fields, each as the keys of its tokens in those fields (a
     * word that analyses to nothing drops out, as it does in Elasticsearch); oneTokenEach when every word is one
     * token in each field, so "the article carries one of the word's keys" is exactly the word's clause.
     */
    record Words(List<Set<String>> keys, Set<String> fields, Operator operator, boolean oneTokenEach) {
    }

    /**
     * The words of the query, or null when it holds more than plain words (an operator, a phrase, a prefix, fuzziness,
     * flags, a minimum, another analyzer or a field that is not a text field) or no word that gives a token.
     */
    static Words wordsOf(SimpleQueryStringQuery text, Analysis analysis) throws IOException {
        if (!text.flags().isEmpty() || text.minimumShouldMatch() != null || text.analyzer() != null
                || QUERY_SYNTAX.matcher(text.query()).find()) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String field : text.fields()) {
            String name = field.replaceFirst("\\^[0-9.]+$", "");
            if (!TEXT_FIELDS.contains(name)) {
                return null;
            }
            fields.add(name);
        }
        if (fields.isEmpty()) {
            return null;
        }
        List<Set<String>> words = new ArrayList<>();
        boolean oneTokenEach = true;
        for (String word : text.query().trim().split("\\s+")) {
            Set<String> anyOf = new LinkedHashSet<>();
            for (String field : fields) {
                List<String> tokens = analysis.tokens(field, word);
                oneTokenEach &= tokens.size() <= 1;
                for (String token : tokens) {
                    anyOf.add(key(field, token));
                }
            }
            if (!anyOf.isEmpty()) {
                words.add(anyOf);
            }
        }
        Operator operator = text.defaultOperator() == Operator.And ? Operator.And : Operator.Or;
        return words.isEmpty() ? null : new Words(List.copyOf(words), Set.copyOf(fields), operator, oneTokenEach);
    }

    @Override
    public String toString() {
        return required.toString().replace(SEPARATOR, ':');
    }
}
