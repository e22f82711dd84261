package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static news.wire.query.watches.WordsForTests.ANALYSIS;
import static news.wire.query.watches.WordsForTests.keys;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import news.wire.query.search.ArticleFilters;

/** What a watch's gate asks of an article, read from the query: never less than the query asks. */
class WatchGateTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyWordIsRequiredUnderAndOneUnderOr() throws IOException {
        WatchGate and = WatchGate.of(bool(text("Oil prices", Operator.And)), ANALYSIS);
        assertTrue(and.admits(keys(article("Wire", "oil price rise"))));
        assertFalse(and.admits(keys(article("Wire", "oil output"))), and.toString());
        WatchGate or = WatchGate.of(bool(text("oil prices", Operator.Or)), ANALYSIS);
        assertTrue(or.admits(keys(article("Wire", "oil output"))));
        assertFalse(or.admits(keys(article("Wire", "wheat exports"))));
        assertEquals(Set.of("body", "headline"), and.textFields());
    }

    @Test
    void aWordOfSeveralTokensAsksForOneOfThem() throws IOException {
        WatchGate twoTokens = WatchGate.of(text("jet.fuel", Operator.And), ANALYSIS);
        assertTrue(twoTokens.admits(keys(article("Wire", "jet engines"))));
        assertFalse(twoTokens.admits(keys(article("Wire", "diesel engines"))));
    }

    @Test
    void anEntryOfTwoConditionsLetsThroughAnArticleWhoseEntriesEachMeetOne() throws IOException {
        Query ids = Query.of(q -> q.terms(t -> t.field("entities.id")
                .terms(v -> v.value(List.of(FieldValue.of("person:a"), FieldValue.of("person:b"))))));
        Query idAndType = Query.of(q -> q.bool(b -> b.filter(ids, ArticleFilters.term("entities.type", "PERSON"))));
        WatchGate entry = WatchGate.of(ArticleFilters.nested("entities", idAndType), ANALYSIS);
        ObjectNode apart = article("Wire", "talks");
        entity(apart, "person:a", "ORGANIZATION");
        entity(apart, "person:z", "PERSON");
        assertTrue(entry.admits(keys(apart)), "let through; the verdict or Elasticsearch says no");
    }

    @Test
    void queryTheGateCannotReadAsksNothing() throws IOException {
        for (String syntax : List.of("oil -prices", "\"oil prices\"", "oil*", "oil~1", "(oil)", "oil | gas", "the")) {
            assertSame(WatchGate.OPEN, WatchGate.of(text(syntax, Operator.And), ANALYSIS), syntax);
        }
        Query otherField = Query.of(q -> q.simpleQueryString(s -> s.query("oil").fields("byline")));
        assertSame(WatchGate.OPEN, WatchGate.of(otherField, ANALYSIS));
        Query range = Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte("2026-01-01"))));
        assertSame(WatchGate.OPEN, WatchGate.of(range, ANALYSIS));
        assertSame(WatchGate.OPEN, WatchGate.of(ArticleFilters.term("language", "en"), ANALYSIS));
    }

    @Test
    void anEntityEntryAsksForOneOfItsIdsOfTheType() throws IOException {
        Query ids = Query.of(q -> q.bool(b -> b.should(ArticleFilters.term("entities.id", "person:a"),
                ArticleFilters.term("entities.id", "person:b")).minimumShouldMatch("1")));
        Query entry = Query.of(q -> q.bool(b -> b.filter(ids, ArticleFilters.term("entities.type", "PERSON"))));
        WatchGate gate = WatchGate.of(bool(ArticleFilters.nested("entities", entry)), ANALYSIS);
        ObjectNode article = article("Wire", "talks");
        entity(article, "org:c", "ORGANIZATION");
        assertFalse(gate.admits(keys(article)));
        entity(article, "person:b", "PERSON");
        assertTrue(gate.admits(keys(article)));
        assertTrue(gate.textFields().isEmpty());
    }

    @Test
    void aNameOnTheLowercaseMultiFieldIsAskedForLowered() throws IOException {
        Query named = ArticleFilters.nested("entities", Query.of(q -> q.terms(t -> t.field("entities.name.lower")
                .terms(v -> v.value(List.of(FieldValue.of("Marta Ilves")))))));
        WatchGate gate = WatchGate.of(named, ANALYSIS);
        ObjectNode article = article("Wire", "talks");
        entity(article, "person:z", "PERSON");
        assertFalse(gate.admits(keys(article)));
        entity(article, "person:m", "PERSON");
        ((ObjectNode) article.get("entities").get(1)).put("name", "MARTA ILVES");
        assertTrue(gate.admits(keys(article)));
    }

    @Test
    void optionalOrUnreadableShouldClausesAskNothing() throws IOException {
        Query source = Query.of(q -> q.terms(t -> t.field("source")
                .terms(v -> v.value(List.of(FieldValue.of("Wire A"), FieldValue.of("Wire B"))))));
        // Beside a must clause, should clauses are optional unless a minimum says otherwise.
        Query optional = Query.of(q -> q.bool(b -> b.must(source).should(ArticleFilters.term("storyId", "s1"))));
        assertTrue(WatchGate.of(optional, ANALYSIS).admits(keys(article("Wire A", "x"))));
        // One of two clauses, one of which the gate cannot read: either may be the one that holds.
        Query either = Query.of(q -> q.bool(b -> b.should(ArticleFilters.term("storyId", "s1"),
                ArticleFilters.term("language", "en"))));
        assertSame(WatchGate.OPEN, WatchGate.of(either, ANALYSIS));
        Query required = Query.of(q -> q.bool(b -> b.must(source).should(ArticleFilters.term("storyId", "s1"))
                .minimumShouldMatch("1")));
        WatchGate gate = WatchGate.of(required, ANALYSIS);
        ObjectNode inStory = article("Wire B", "x").put("storyId", "s1");
        assertTrue(gate.admits(keys(inStory)));
        assertFalse(gate.admits(keys(article("Wire B", "x"))));
        assertFalse(gate.admits(keys(article("Wire C", "x").put("storyId", "s1"))));
    }

    @Test
    void matchAllAndMustNotAskNothing() throws IOException {
        assertSame(WatchGate.OPEN, WatchGate.of(Query.of(q -> q.matchAll(m -> m)), ANALYSIS));
        Query not = Query.of(q -> q.bool(b -> b.mustNot(ArticleFilters.term("source", "Wire"))));
        assertSame(WatchGate.OPEN, WatchGate.of(not, ANALYSIS));
    }

    /**
     * The gate reads a keyword field's terms off the document as written and a text field's through its index
     * analyzer; that is sound only while those fields keep no normalizer and no search analyzer of their own.
     */
    @Test
    void theArticleMappingKeepsWhatTheGateReliesOn() throws IOException {
        JsonNode properties;
        try (InputStream template = getClass().getResourceAsStream("/elasticsearch/articles-template.json")) {
            properties = json.readTree(template).path("template").path("mappings").path("properties");
        }
        for (String field : WatchGate.KEYWORD_FIELDS) {
            String[] path = field.split("\\.");
            JsonNode mapping = path.length == 1 ? properties.path(field)
                    : properties.path(path[0]).path("properties").path(path[1]);
            assertEquals("keyword", mapping.path("type").asText(), field);
            assertTrue(mapping.path("normalizer").isMissingNode(), field);
            assertTrue(mapping.path("ignore_above").isMissingNode(), field);
        }
        for (var lowered : WatchGate.LOWERCASED_FIELDS.entrySet()) {
            String[] path = lowered.getKey().split("\\.");
            JsonNode mapping = properties.path(path[0]).path("properties").path(path[1]);
            if (path.length == 3) {
                assertEquals(lowered.getValue(), path[0] + "." + path[1], "a multi-field of its source");
                mapping = mapping.path("fields").path(path[2]);
            }
            assertEquals("keyword", mapping.path("type").asText(), lowered.getKey());
            assertEquals("lowercase", mapping.path("normalizer").asText(), lowered.getKey());
        }
        for (String field : WatchGate.TEXT_FIELDS) {
            assertEquals("text", properties.path(field).path("type").asText(), field);
            assertTrue(properties.path(field).path("search_analyzer").isMissingNode(), field);
        }
    }

    private static Query text(String words, Operator operator) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(words).fields("headline^2", "body")
                .quoteFieldSuffix(".exact").defaultOperator(operator)));
    }

    private static Query bool(Query must) {
        return Query.of(q -> q.bool(b -> b.must(must).filter(ArticleFilters.term("source", "Wire"))));
    }

    private ObjectNode article(String source, String body) {
        return json.createObjectNode().put("source", source).put("headline", "Update").put("body", body);
    }

    private static void entity(ObjectNode article, String id, String type) {
        ArrayNode entities = article.has("entities") ? (ArrayNode) article.get("entities")
                : article.putArray("entities");
        entities.addObject().put("id", id).put("type", type).put("name", id);
    }
}
