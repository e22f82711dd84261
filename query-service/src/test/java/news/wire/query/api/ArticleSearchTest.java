package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import news.wire.testkit.KafkaTestClient;

/**
 * The search API over articles produced to articles.enriched and indexed by the running indexer. Each run uses
 * sources and entity names of its own, so other tests' articles never change the counts asserted here.
 */
@QuarkusTest
class ArticleSearchTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(20);
    private static final String RUN = WireCopy.rareWord();
    private static final String HARBOUR = "Harbour " + RUN;
    private static final String FARM = "Farm " + RUN;
    private static final String CALDER = RUN + " Calder";
    private static final String VILLE = RUN + "ville";

    private static WireCopy dockers;
    private static WireCopy union;
    private static WireCopy grain;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ElasticsearchClient elasticsearch;

    @BeforeEach
    void publishOnce() {
        if (dockers != null) {
            return;
        }
        dockers = WireCopy.article(HARBOUR, "Dockers striking at the port",
                        "Dock workers walked out on Monday; 42 ships wait.", "2026-11-18T07:00:00Z")
                .entity("PERSON", CALDER, 4).entity("LOCATION", VILLE, 1)
                .number(42, "CARDINAL", "ships").date("DATE", "2026-11-16");
        union = WireCopy.article(FARM, "Union calls strike over pay",
                        "The union says pay < inflation, up 12% is not enough this week.", "2026-11-17T09:00:00Z")
                .entity("LOCATION", VILLE, 2).entity("PERSON", RUN + " Ilves", 1)
                .number(12, "PERCENT", null).date("DATE", "2026-W47").date("DURATION", "P1W");
        grain = WireCopy.article(HARBOUR, "Grain harvest falls short",
                        "Farmers expect 300 tonnes less in December.", "2026-11-10T12:00:00Z")
                .language("de").entity("ORGANIZATION", RUN + " Growers", 1)
                .number(300, "CARDINAL", "tonnes").date("DATE", "2026-12");
        for (WireCopy article : List.of(dockers, union, grain)) {
            publish(article);
        }
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> bothSources().get("/v1/articles")
                .then().statusCode(200).body("total", equalTo(3)));
    }

    @Test
    void templateIndexAndAliasAreInPlace() throws Exception {
        assertEquals(Set.of("articles-v4"), elasticsearch.indices().getAlias(a -> a.name("articles")).aliases().keySet());
        assertTrue(elasticsearch.indices().existsIndexTemplate(t -> t.name("articles")).value());
        var mapping = elasticsearch.indices().getMapping(m -> m.index("articles-v4")).get("articles-v4").mappings();
        assertTrue(mapping.properties().get("entities").isNested());
        assertTrue(mapping.properties().get("dates").nested().properties().get("range").isDateRange());
    }

    @Test
    void byIdReturnsTheEnrichedRecordWithoutDerivedFields() {
        given().get("/v1/articles/" + dockers.id()).then().statusCode(200)
                .body("entities[0].name", equalTo(CALDER))
                .body("entities[0].mentionCount", nullValue())
                .body("dates[0].value", equalTo("2026-11-16"))
                .body("dates[0].range", nullValue());
    }

    @Test
    void englishStemmingFindsOtherWordForms() {
        assertIds(bothSources().queryParam("q", "strikes"), dockers, union);
        // A quoted phrase matches the words as written.
        assertIds(bothSources().queryParam("q", "\"dockers striking\""), dockers);
        assertIds(bothSources().queryParam("q", "\"docker strike\""));
    }

    @Test
    void filtersNarrowTheResults() {
        assertIds(given().queryParam("source", HARBOUR), dockers, grain);
        assertIds(bothSources().queryParam("entity", VILLE), dockers, union);
        assertIds(bothSources().queryParam("entity", VILLE).queryParam("entityType", "LOCATION"), dockers, union);
        assertIds(bothSources().queryParam("entity", VILLE).queryParam("entityType", "PERSON"));
        assertIds(bothSources().queryParam("entityType", "organization"), grain);
        assertIds(bothSources().queryParam("from", "2026-11-17").queryParam("to", "2026-11-17"), union);
        assertIds(bothSources().queryParam("from", "2026-11-17T09:00:00Z"), dockers, union);
        assertIds(bothSources().queryParam("language", "de"), grain);
    }

    @Test
    void mentionedDatesMatchByOverlap() {
        // The day itself and the ISO week around it.
        assertIds(mentioned("2026-11-16", "2026-11-16"), dockers, union);
        assertIds(mentioned("2026-11-20", "2026-11-20"), union);
        // A month is found by a question about a day in it.
        assertIds(mentioned("2026-12-05", "2026-12-05"), grain);
        assertIds(mentioned("2027-01-01", "2027-12-31"));
    }

    @Test
    void numberFiltersHoldForOneAndTheSameFigure() {
        assertIds(bothSources().queryParam("countedThing", "Ships"), dockers);
        assertIds(bothSources().queryParam("countedThing", "ships").queryParam("min", 50));
        assertIds(bothSources().queryParam("numberKind", "PERCENT"), union);
        assertIds(bothSources().queryParam("min", 100).queryParam("max", 1000), grain);
        // 300 is above 100 and 42 counts ships, but no single figure is both.
        assertIds(bothSources().queryParam("countedThing", "ships").queryParam("min", 100));
    }

    @Test
    void highlightsAreEscapedFragmentsWithEmphasis() {
        JsonPath page = bothSources().queryParam("q", "pay strike").queryParam("highlight", true)
                .get("/v1/articles").then().statusCode(200).extract().jsonPath();
        assertEquals("Union calls <em>strike</em> over <em>pay</em>", page.getString("articles[0].highlight.headline[0]"));
        assertTrue(page.getString("articles[0].highlight.body[0]").contains("<em>pay</em> &lt; inflation"));
    }

    @Test
    void facetsCountAllMatchingArticles() {
        bothSources().queryParam("facets", "entities,sources").queryParam("facets", "published")
                .queryParam("size", 1)
                .get("/v1/articles").then().statusCode(200)
                .body("articles", hasSize(1))
                .body("facets.sources.find { it.value == '" + HARBOUR + "' }.articles", equalTo(2))
                .body("facets.sources.find { it.value == '" + FARM + "' }.articles", equalTo(1))
                .body("facets.entities.LOCATION.find { it.value == '" + VILLE + "' }.articles", equalTo(2))
                .body("facets.entities.PERSON.value", hasItem(CALDER))
                // 10 to 18 November, empty days included.
                .body("facets.published", hasSize(9))
                .body("facets.published[0].start", equalTo("2026-11-10T00:00:00.000Z"))
                .body("facets.published[8].articles", equalTo(1));
        bothSources().queryParam("facets", "published").queryParam("interval", "hour")
                .queryParam("from", "2026-11-17").queryParam("to", "2026-11-18")
                .get("/v1/articles").then().statusCode(200)
                .body("facets.published.articles.sum()", equalTo(2));
    }

    @Test
    void entitiesCompleteByMentionsSummedOverArticles() {
        given().queryParam("prefix", RUN.toLowerCase(Locale.ROOT)).get("/v1/entities").then().statusCode(200)
                .body("name", hasSize(4))
                .body("[0].name", equalTo(CALDER)).body("[0].mentions", equalTo(4)).body("[0].articles", equalTo(1))
                .body("[1].name", equalTo(VILLE)).body("[1].mentions", equalTo(3)).body("[1].articles", equalTo(2))
                .body("[1].type", equalTo("LOCATION"));
        given().queryParam("prefix", RUN).queryParam("type", "PERSON").get("/v1/entities").then().statusCode(200)
                .body("name", containsInAnyOrder(CALDER, RUN + " Ilves"));
        // A word inside the name counts as a start.
        given().queryParam("prefix", "calde").queryParam("size", 50).get("/v1/entities").then().statusCode(200)
                .body("name", hasItem(CALDER));
    }

    @Test
    void timelineCountsArticlesAndMentionsPerDay() {
        given().queryParam("from", "2026-11-16").queryParam("to", "2026-11-18")
                .get("/v1/entities/{name}/timeline", VILLE).then().statusCode(200)
                .body("buckets", hasSize(3))
                .body("buckets.start", equalTo(List.of("2026-11-16T00:00:00.000Z", "2026-11-17T00:00:00.000Z",
                        "2026-11-18T00:00:00.000Z")))
                .body("buckets.articles", equalTo(List.of(0, 1, 1)))
                .body("buckets.mentions", equalTo(List.of(0, 2, 1)));
        given().queryParam("from", "2026-11-16").queryParam("to", "2026-11-18").queryParam("type", "PERSON")
                .get("/v1/entities/{name}/timeline", VILLE).then().statusCode(200)
                .body("buckets.articles.sum()", equalTo(0));
    }

    @Test
    void statsCountSourcesDaysAndFreshness() {
        given().get("/v1/stats").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3))
                .body("sources.find { it.value == '" + HARBOUR + "' }.articles", equalTo(2))
                .body("perDay", hasSize(7))
                .body("newestEnrichedAt", notNullValue())
                .body("freshnessSeconds", greaterThanOrEqualTo(0))
                .body("index", equalTo("articles-v4"))
                .body("consumerGroup", equalTo("query-indexer-articles-v4"));
        given().queryParam("days", 30).get("/v1/stats").then().statusCode(200).body("perDay", hasSize(30));
    }

    @Test
    void newestFirstPagesVisitEveryArticleOnceWhileOthersArrive() {
        String source = "Pager " + WireCopy.rareWord();
        List<String> original = publishSeries(source, 7, "2026-11-0");
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().queryParam("source", source).get("/v1/articles")
                .then().body("total", equalTo(7)));

        List<String> seen = new ArrayList<>();
        JsonPath page = given().queryParam("source", source).queryParam("size", 3).get("/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("articles.id"));
        // One newer than every article shown, one older than all: neither may cause a repeat or a gap.
        List<String> late = publishSeries(source, 1, "2026-11-2");
        late.addAll(publishSeries(source, 1, "2026-10-0"));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().queryParam("source", source).get("/v1/articles")
                .then().body("total", equalTo(9)));
        String cursor = page.getString("cursor");
        while (cursor != null) {
            page = given().queryParam("source", source).queryParam("size", 3).queryParam("cursor", cursor)
                    .get("/v1/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("articles.id"));
            cursor = page.getString("cursor");
        }
        assertEquals(new HashSet<>(seen).size(), seen.size(), "an article came twice: " + seen);
        assertTrue(seen.containsAll(original), "an article was skipped: " + seen);
    }

    @Test
    void relevancePagesReadOnePointInTime() {
        String source = "Ranked " + WireCopy.rareWord();
        List<String> original = publishSeries(source, 5, "2026-11-0");
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().queryParam("source", source).get("/v1/articles")
                .then().body("total", equalTo(5)));
        List<String> seen = new ArrayList<>();
        JsonPath page = given().queryParam("source", source).queryParam("q", "tide").queryParam("size", 2)
                .get("/v1/articles").then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("articles.id"));
        publishSeries(source, 2, "2026-11-1");
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().queryParam("source", source).get("/v1/articles")
                .then().body("total", equalTo(7)));
        String cursor = page.getString("cursor");
        while (cursor != null) {
            page = given().queryParam("source", source).queryParam("q", "tide").queryParam("size", 2)
                    .queryParam("cursor", cursor).get("/v1/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("articles.id"));
            cursor = page.getString("cursor");
        }
        assertEquals(Set.copyOf(original), Set.copyOf(seen));
        assertEquals(original.size(), seen.size());
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        Map<String, RequestSpecification> requests = Map.of(
                "size", given().queryParam("size", 0),
                "from", given().queryParam("from", "yesterday"),
                "to", given().queryParam("from", "2026-11-18").queryParam("to", "2026-11-01T00:00:00Z"),
                "sort", given().queryParam("sort", "best"),
                "facets", given().queryParam("facets", "entities,colours"),
                "cursor", given().queryParam("cursor", "bm90LWEtY3Vyc29y"),
                "entityType", given().queryParam("entityType", "ANIMAL"),
                "min", given().queryParam("min", "lots"),
                "interval", given().queryParam("interval", "week"),
                "max", given().queryParam("min", 5).queryParam("max", 1));
        requests.forEach((parameter, request) -> request.get("/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-parameter"))
                .body("errors.field", hasItem(parameter)));
        given().queryParam("interval", "week").get("/v1/entities/{name}/timeline", VILLE).then().statusCode(400)
                .body("errors.field", hasItem("interval"));
        given().queryParam("interval", "hour").queryParam("from", "2026-01-01").queryParam("to", "2026-11-01")
                .get("/v1/entities/{name}/timeline", VILLE).then().statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("type", "PLANET").get("/v1/entities").then().statusCode(400).body("errors.field", hasItem("type"));
        given().queryParam("size", 500).get("/v1/entities").then().statusCode(400).body("errors.field", hasItem("size"));
        given().queryParam("days", 0).get("/v1/stats").then().statusCode(400).body("errors.field", hasItem("days"));
    }

    @Test
    void unknownArticleIsNotFound() {
        given().get("/v1/articles/no-such-article").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:problem:wire:not-found"));
        given().queryParam("q", "zzqqxx" + RUN).get("/v1/articles").then().statusCode(200)
                .body("articles", empty()).body("cursor", nullValue());
        given().queryParam("source", HARBOUR).queryParam("highlight", true).get("/v1/articles").then().statusCode(200)
                .body("articles[0].highlight", nullValue()).body("articles[0].entities", hasItem(containsString(RUN)));
    }

    private RequestSpecification bothSources() {
        return given().queryParam("source", HARBOUR).queryParam("source", FARM);
    }

    private RequestSpecification mentioned(String from, String to) {
        return bothSources().queryParam("mentionedFrom", from).queryParam("mentionedTo", to);
    }

    private static void assertIds(RequestSpecification request, WireCopy... expected) {
        List<String> ids = request.queryParam("size", 100).get("/v1/articles").then().statusCode(200)
                .extract().jsonPath().getList("articles.id");
        assertEquals(Set.of(java.util.Arrays.stream(expected).map(WireCopy::id).toArray()), Set.copyOf(ids));
    }

    /** Articles of one source published on consecutive days from the given prefix ("2026-11-0" + 1..n). */
    private List<String> publishSeries(String source, int count, String dayPrefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            WireCopy article = WireCopy.article(source, "Tide report " + i, "High tide at noon, " + i + " metres.",
                    dayPrefix + i + "T06:00:00Z");
            publish(article);
            ids.add(article.id());
        }
        return ids;
    }

    private void publish(WireCopy article) {
        new KafkaTestClient(bootstrapServers).send("articles.enriched", article.id(), article.json());
    }
}
