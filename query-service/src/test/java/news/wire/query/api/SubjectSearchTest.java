package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import news.wire.testkit.KafkaTestClient;

/**
 * The provider's subjects, byline and version time, from articles.enriched through the indexer to search: the
 * subject filter, the subjects facet, and what result rows and records show. One source of its own per run.
 */
@QuarkusTest
class SubjectSearchTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(20);
    private static final String RUN = WireCopy.rareWord();
    private static final String DESK = "Subject Desk " + RUN;
    private static final String CODE = RUN.toLowerCase(Locale.ROOT) + "01";
    private static final String HARBOURS = "Harbours " + RUN;
    private static final String STRIKES = "Strikes " + RUN;
    private static final String PORTS = "Ports " + RUN;

    private static WireCopy strike;
    private static WireCopy ports;
    private static WireCopy older;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void publishOnce() {
        if (strike != null) {
            return;
        }
        strike = WireCopy.article(DESK, "Dockers strike at Valmora", "Dock workers walked out.", "2026-11-18T07:00:00Z")
                .byline("By Ines Calder").subject(CODE, HARBOURS, "medtop").subject(null, STRIKES, null);
        // The same code in two schemes is two subjects: a provider may file IPTC Subject Codes beside Media Topics.
        ports = WireCopy.article(DESK, "Port traffic recovers", "Ships are docking again.", "2026-11-19T07:00:00Z")
                .subject(CODE, HARBOURS, "medtop").subject(CODE, PORTS, "subj");
        older = WireCopy.article(DESK, "Quay repairs begin", "Repairs began on the quay.", "2026-11-17T07:00:00Z")
                .withoutProviderMetadata();
        for (WireCopy article : List.of(strike, ports, older)) {
            new KafkaTestClient(bootstrapServers).send("articles.enriched", article.id(), article.json());
        }
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> desk().get("/v1/articles")
                .then().statusCode(200).body("total", equalTo(3)));
    }

    @Test
    void aSubjectIsFoundByCodeByQCodeOrByNameIgnoringCase() {
        assertIds(desk().queryParam("subject", CODE), strike, ports);
        assertIds(desk().queryParam("subject", "medtop:" + CODE), strike, ports);
        assertIds(desk().queryParam("subject", "SUBJ:" + CODE.toUpperCase(Locale.ROOT)), ports);
        assertIds(desk().queryParam("subject", STRIKES.toLowerCase(Locale.ROOT)), strike);
        assertIds(desk().queryParam("subject", PORTS.toUpperCase(Locale.ROOT)), ports);
        assertIds(desk().queryParam("subject", "medtop:" + RUN));
        // Narrows a search like the other filters.
        assertIds(desk().queryParam("subject", HARBOURS).queryParam("q", "dockers"), strike);
    }

    @Test
    void theSubjectsFacetCountsArticlesPerCodeInItsScheme() {
        desk().queryParam("facets", "subjects").queryParam("size", 1).get("/v1/articles").then().statusCode(200)
                .body("facets.subjects", hasSize(3))
                .body("facets.subjects[0].value", equalTo(HARBOURS))
                .body("facets.subjects[0].articles", equalTo(2))
                .body("facets.subjects[0].code", equalTo(CODE))
                .body("facets.subjects[0].scheme", equalTo("medtop"))
                .body("facets.subjects.find { it.value == '" + PORTS + "' }.scheme", equalTo("subj"))
                .body("facets.subjects.find { it.value == '" + PORTS + "' }.articles", equalTo(1))
                .body("facets.subjects.find { it.value == '" + STRIKES + "' }.articles", equalTo(1))
                .body("facets.subjects.find { it.value == '" + STRIKES + "' }.code", nullValue())
                .body("facets.entities", nullValue());
    }

    @Test
    void rowsAndRecordsShowTheBylineSubjectsAndVersionTime() {
        desk().queryParam("subject", STRIKES).get("/v1/articles").then().statusCode(200)
                .body("articles[0].id", equalTo(strike.id()))
                .body("articles[0].byline", equalTo("By Ines Calder"))
                .body("articles[0].versionCreated", equalTo("2026-11-18T07:44:10Z"))
                .body("articles[0].subjects.code", equalTo(Arrays.asList(CODE, null)))
                .body("articles[0].subjects.name", equalTo(List.of(HARBOURS, STRIKES)))
                .body("articles[0].subjects.scheme", equalTo(Arrays.asList("medtop", null)));
        given().get("/v1/articles/" + strike.id()).then().statusCode(200)
                .body("byline", equalTo("By Ines Calder"))
                .body("versionCreated", equalTo("2026-11-18T07:44:10Z"))
                .body("subjects[1].name", equalTo(STRIKES))
                .body("people", equalTo(List.of("Ines Calder")))
                .body("places", equalTo(List.of("Valmora")));
        // A record indexed before the provider's metadata was carried shows none, and is still found.
        desk().queryParam("q", "quay").get("/v1/articles").then().statusCode(200)
                .body("articles[0].id", equalTo(older.id()))
                .body("articles[0].byline", nullValue())
                .body("articles[0].versionCreated", nullValue())
                .body("articles[0].subjects", empty());
    }

    @Test
    void aBadSubjectIsAProblemNamingIt() {
        given().queryParam("subject", "x".repeat(1_001)).get("/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-parameter"))
                .body("errors.field", hasItem("subject"));
        given().queryParam("facets", "subjects,topics").get("/v1/articles").then().statusCode(400)
                .body("errors.field", hasItem("facets"));
        // Blank is not asked, like the other filters.
        desk().queryParam("subject", " ").get("/v1/articles").then().statusCode(200).body("total", equalTo(3));
    }

    private RequestSpecification desk() {
        return given().queryParam("source", DESK);
    }

    private static void assertIds(RequestSpecification request, WireCopy... expected) {
        List<String> ids = request.queryParam("size", 100).get("/v1/articles").then().statusCode(200)
                .extract().jsonPath().getList("articles.id");
        assertEquals(Set.copyOf(Arrays.stream(expected).map(WireCopy::id).toList()), Set.copyOf(ids));
    }
}
