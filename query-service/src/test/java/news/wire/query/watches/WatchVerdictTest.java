package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static news.wire.query.watches.WordsForTests.ANALYSIS;
import static news.wire.query.watches.WordsForTests.keys;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import news.wire.query.search.ArticleFilters;
import news.wire.query.search.ArticleQuery;

/** Matches decided in Java: the same answer as Elasticsearch's for the clauses read, and no verdict for the rest. */
class WatchVerdictTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void wordsAreFoundAmongTheArticlesTermsEveryOneUnderAndAnyUnderOr() throws IOException {
        WatchVerdict and = verdict(text("Oil prices", Operator.And));
        assertTrue(and.matches(article("oil price rise"), keys(article("oil price rise"))));
        assertFalse(and.matches(article("oil output"), keys(article("oil output"))));
        WatchVerdict or = verdict(text("oil the prices", Operator.Or));
        assertTrue(or.matches(article("oil output"), keys(article("oil output"))));
        assertFalse(or.matches(article("wheat exports"), keys(article("wheat exports"))));
        assertEquals(Set.of("headline", "body"), and.textFields());
    }

    @Test
    void queriesWithAClauseNotReadHereHaveNoVerdict() throws IOException {
        for (String syntax : List.of("\"oil prices\"", "oil*", "oil -gas", "jet.fuel", "the")) {
            assertNull(WatchVerdict.of(text(syntax, Operator.And), ANALYSIS), syntax);
        }
        Query mentioned = ArticleFilters.nested("dates", Query.of(q -> q.range(r -> r.date(d -> d.field("dates.range")
                .gte("2026-11-16T00:00:00Z").relation(RangeRelation.Intersects)))));
        assertNull(WatchVerdict.of(mentioned, ANALYSIS), "a range over a date_range field");
        assertNull(WatchVerdict.of(ArticleFilters.term("byline", "Ilves"), ANALYSIS), "a field of no known kind");
        assertNull(WatchVerdict.of(ArticleFilters.term("entities.id", "person:a"), ANALYSIS),
                "a nested field outside its nested query");
        assertNull(WatchVerdict.of(ArticleFilters.nested("entities", ArticleFilters.term("source", "Wire")), ANALYSIS),
                "an article field inside a nested query");
        Query dateOnly = Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte("2026-01-01"))));
        assertNull(WatchVerdict.of(dateOnly, ANALYSIS), "a bound Elasticsearch may round");
        Query percent = Query.of(q -> q.bool(b -> b.should(ArticleFilters.term("source", "A"),
                ArticleFilters.term("source", "B")).minimumShouldMatch("50%")));
        assertNull(WatchVerdict.of(percent, ANALYSIS));
    }

    @Test
    void anEntryMeetsEveryConditionOfItsNestedQueryOnItsOwn() throws IOException {
        Query ids = Query.of(q -> q.terms(t -> t.field("entities.id")
                .terms(v -> v.value(List.of(FieldValue.of("person:a"), FieldValue.of("person:b"))))));
        Query idAndType = Query.of(q -> q.bool(b -> b.filter(ids, ArticleFilters.term("entities.type", "PERSON"))));
        WatchVerdict entry = verdict(ArticleFilters.nested("entities", idAndType));
        ObjectNode apart = article("talks");
        entity(apart, "person:a", "ORGANIZATION");
        entity(apart, "person:z", "PERSON");
        assertFalse(entry.matches(apart, Set.of()), "each entry meets one condition, none both");
        entity(apart, "person:b", "PERSON");
        assertTrue(entry.matches(apart, Set.of()));
    }

    @Test
    void aNameIsComparedLoweredOnTheLowercaseMultiField() throws IOException {
        Query named = ArticleFilters.nested("entities", Query.of(q -> q.bool(b -> b
                .filter(ArticleFilters.term("entities.type", "PERSON"))
                .filter(f -> f.terms(t -> t.field("entities.name.lower")
                        .terms(v -> v.value(List.of(FieldValue.of("Marta Ilves"), FieldValue.of("İlves")))))))));
        WatchVerdict verdict = verdict(named);
        ObjectNode article = article("talks");
        entity(article, "person:m", "PERSON").put("name", "MARTA ILVES");
        assertTrue(verdict.matches(article, Set.of()));
        ObjectNode dotted = article("talks");
        entity(dotted, "person:i", "PERSON").put("name", "i\u0307lves");
        assertFalse(verdict.matches(dotted, Set.of()),
                "the normalizer lowers code point by code point: İ is i, not i with a dot above");
        ObjectNode plain = article("talks");
        entity(plain, "person:i", "PERSON").put("name", "ilves");
        assertTrue(verdict.matches(plain, Set.of()));
    }

    @Test
    void publicationTimesCompareToTheMillisecondWhateverTheOffset() throws IOException {
        WatchVerdict week = verdict(filters(query(null, Instant.parse("2026-11-17T00:00:00Z"),
                Instant.parse("2026-11-19T00:00:00Z"), null, null, null, null)));
        assertTrue(week.matches(published("2026-11-17T00:00:00Z"), Set.of()), "from is in");
        assertFalse(week.matches(published("2026-11-19T00:00:00Z"), Set.of()), "to is out");
        assertFalse(week.matches(published("2026-11-19T00:00:00.0004Z"), Set.of()), "cut to the millisecond");
        assertTrue(week.matches(published("2026-11-18T23:59:59.999Z"), Set.of()));
        assertTrue(week.matches(published("2026-11-19T00:30:00+01:00"), Set.of()), "23:30 UTC the day before");
        assertTrue(week.matches(published("2026-11-16T23:30:00-01:00"), Set.of()), "00:30 UTC on the 17th");
        assertFalse(week.matches(published("2026-11-17T00:30:00+01:00"), Set.of()), "23:30 UTC on the 16th");
        assertFalse(week.matches(article("no date"), Set.of()), "no publication time, no match");
        assertThrows(WatchVerdict.Undecided.class, () -> week.matches(published("2026-11-18"), Set.of()),
                "a form Elasticsearch reads by its own rules");
    }

    @Test
    void figuresAreReadOneEntryAtATimeWithTheirCountedThingInAnyCase() throws IOException {
        WatchVerdict ships = verdict(filters(query(null, null, null, "Ships", "CARDINAL", 40.0, 50.0)));
        ObjectNode article = article("port");
        number(article, 45, "QUANTITY", "ships");
        number(article, 12, "CARDINAL", "ships");
        assertFalse(ships.matches(article, Set.of()), "the figure in range is of another kind");
        number(article, 40, "CARDINAL", "SHIPS");
        assertTrue(ships.matches(article, Set.of()), "the minimum is in, the counted thing lowered");
        WatchVerdict atLeastZero = verdict(filters(query(null, null, null, null, null, 0.0, null)));
        ObjectNode negativeZero = article("x");
        number(negativeZero, -0.0, "CARDINAL", null);
        assertFalse(atLeastZero.matches(negativeZero, Set.of()), "-0.0 sorts below 0.0, as Elasticsearch has it");
        ObjectNode written = article("x");
        ((ArrayNode) written.putArray("numbers")).addObject().put("value", "45").put("kind", "CARDINAL");
        assertThrows(WatchVerdict.Undecided.class, () -> atLeastZero.matches(written, Set.of()));
    }

    @Test
    void theLanguageIsTheTextsElseTheDeclaredOneWhenNoneWasDerived() throws IOException {
        WatchVerdict english = verdict(filters(new ArticleQuery(null, List.of(), null, null, null, null, null, null,
                null, null, null, null, null, null, "en", ArticleQuery.Order.NEWEST, null, 10, false, Set.of(),
                null)));
        assertTrue(english.matches(article("x").put("textLanguage", "en").put("language", "de"), Set.of()));
        assertFalse(english.matches(article("x").put("textLanguage", "de").put("language", "en"), Set.of()));
        assertTrue(english.matches(article("x").put("language", "en"), Set.of()), "indexed before it was derived");
        assertFalse(english.matches(article("x"), Set.of()));
        assertThrows(WatchVerdict.Undecided.class,
                () -> english.matches(article("x").put("textLanguage", 7), Set.of()));
    }

    @Test
    void shouldClausesCountUpToTheMinimumAndMustNotClausesExclude() throws IOException {
        Query two = Query.of(q -> q.bool(b -> b.should(ArticleFilters.term("storyId", "s1"),
                ArticleFilters.term("source", "Wire"), ArticleFilters.term("language", "en")).minimumShouldMatch("2")));
        WatchVerdict verdict = verdict(two);
        assertFalse(verdict.matches(article("x").put("source", "Wire"), Set.of()));
        assertTrue(verdict.matches(article("x").put("source", "Wire").put("language", "en"), Set.of()));
        Query scoring = Query.of(q -> q.bool(b -> b.filter(ArticleFilters.term("source", "Wire"))
                .should(ArticleFilters.term("byline", "unread"))));
        assertTrue(verdict(scoring).matches(article("x").put("source", "Wire"), Set.of()),
                "a should beside a filter only scores, readable or not");
        Query not = Query.of(q -> q.bool(b -> b.mustNot(ArticleFilters.term("source", "Wire"))));
        assertFalse(verdict(not).matches(article("x").put("source", "Wire"), Set.of()));
        assertTrue(verdict(not).matches(article("x").put("source", "Other"), Set.of()));
        assertTrue(verdict(Query.of(q -> q.matchAll(m -> m))).matches(article("x"), Set.of()));
    }

    /**
     * With the article's keys made by the gate, a keyword clause none of whose values is among them is false without
     * walking the entries, and the verdict is the same as without keys; a value that is not a string still undecides.
     */
    @Test
    void theArticlesKeysAnswerAKeywordClauseNoValueOfWhichTheyHold() throws IOException {
        Query named = ArticleFilters.nested("entities", Query.of(q -> q.bool(b -> b
                .filter(ArticleFilters.term("entities.type", "PERSON"))
                .filter(ArticleFilters.term("entities.name.lower", "Marta Ilves")))));
        WatchVerdict verdict = verdict(named);
        ObjectNode other = article("talks");
        entity(other, "person:k", "PERSON").put("name", "Kaja Kallas");
        ObjectNode apart = article("talks");
        entity(apart, "person:m", "ORGANIZATION").put("name", "Marta ILVES");
        entity(apart, "person:k", "PERSON");
        ObjectNode named2 = article("talks");
        entity(named2, "person:m", "PERSON").put("name", "Marta ILVES");
        for (ObjectNode article : List.of(other, apart, named2)) {
            assertEquals(verdict.matches(article, Set.of()), verdict.matches(article, WatchGate.keysOf(article,
                    Map.of())), article.toString());
        }
        assertTrue(verdict.matches(named2, WatchGate.keysOf(named2, Map.of())));
        assertFalse(verdict.matches(apart, WatchGate.keysOf(apart, Map.of())), "name and type in separate entries");
        ObjectNode numeric = article("talks");
        entity(numeric, "person:k", "PERSON").put("name", 7);
        assertThrows(WatchVerdict.Undecided.class, () -> verdict.matches(numeric, WatchGate.keysOf(numeric,
                Map.of())), "Elasticsearch would index the 7 as text");
    }

    /** Each field a verdict reads is, in the article template, of the kind it is compared as. */
    @Test
    void theArticleMappingGivesEachFieldTheKindItIsComparedAs() throws IOException {
        JsonNode properties;
        try (InputStream template = getClass().getResourceAsStream("/elasticsearch/articles-template.json")) {
            properties = json.readTree(template).path("template").path("mappings").path("properties");
        }
        for (String path : WatchVerdict.NESTED) {
            assertEquals("nested", properties.path(path).path("type").asText(), path);
        }
        for (Map.Entry<String, WatchVerdict.FieldKind> field : WatchVerdict.FIELDS.entrySet()) {
            String[] path = field.getKey().split("\\.");
            JsonNode mapping = path.length == 1 ? properties.path(path[0])
                    : properties.path(path[0]).path("properties").path(path[1]);
            if (path.length == 3) {
                mapping = mapping.path("fields").path(path[2]);
            }
            String name = field.getKey();
            switch (field.getValue()) {
                case KEYWORD -> {
                    assertEquals("keyword", mapping.path("type").asText(), name);
                    assertTrue(mapping.path("normalizer").isMissingNode(), name);
                }
                case LOWERCASE_KEYWORD -> {
                    assertEquals("keyword", mapping.path("type").asText(), name);
                    assertEquals("lowercase", mapping.path("normalizer").asText(), name);
                }
                case DATE -> assertEquals("date", mapping.path("type").asText(), name);
                case DOUBLE -> assertEquals("double", mapping.path("type").asText(), name);
            }
            assertTrue(mapping.path("ignore_above").isMissingNode(), name);
            assertFalse(mapping.path("index").isBoolean() && !mapping.path("index").asBoolean(), name);
        }
    }

    private static WatchVerdict verdict(Query query) throws IOException {
        WatchVerdict verdict = WatchVerdict.of(query, ANALYSIS);
        assertNotNull(verdict, query.toString());
        return verdict;
    }

    private static Query filters(ArticleQuery search) {
        return Query.of(q -> q.bool(b -> b.filter(ArticleFilters.of(search, null))));
    }

    private static ArticleQuery query(String text, Instant from, Instant to, String counted, String kind, Double min,
                                      Double max) {
        return new ArticleQuery(text, List.of(), null, null, null, null, from, to, null, null, counted, kind, min, max,
                null, ArticleQuery.Order.NEWEST, null, 10, false, Set.of(), null);
    }

    private static Query text(String words, Operator operator) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(words).fields("headline^2", "body")
                .quoteFieldSuffix(".exact").defaultOperator(operator)));
    }

    private ObjectNode article(String body) {
        return json.createObjectNode().put("headline", "Update").put("body", body);
    }

    private ObjectNode published(String at) {
        return article("x").put("publishedAt", at);
    }

    private static ObjectNode entity(ObjectNode article, String id, String type) {
        ArrayNode entities = article.has("entities") ? (ArrayNode) article.get("entities")
                : article.putArray("entities");
        return entities.addObject().put("id", id).put("type", type).put("name", id);
    }

    private static void number(ObjectNode article, double value, String kind, String counted) {
        ArrayNode numbers = article.has("numbers") ? (ArrayNode) article.get("numbers") : article.putArray("numbers");
        ObjectNode entry = numbers.addObject().put("value", value).put("kind", kind);
        if (counted != null) {
            entry.put("counted", counted);
        }
    }
}
