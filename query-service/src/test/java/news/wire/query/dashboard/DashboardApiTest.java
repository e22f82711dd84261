package news.wire.query.dashboard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;

/** The JSON the dashboard page polls, against the running indexer, Elasticsearch and the ingest stand-in. */
@QuarkusTest
@QuarkusTestResource(value = IngestMetricsStandIn.class, restrictToAnnotatedClass = false)
class DashboardApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void pipelineFiguresComeFromEachServicesMetrics() {
        await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/dashboard/pipeline").then().statusCode(200)
                .body("windowSeconds", equalTo(60))
                .body("ingest.service.reachable", equalTo(true))
                // The stand-in counts 4 a second; reads a second apart round that to whole articles.
                .body("ingest.acceptedPerSecond", greaterThan(2.5f))
                .body("ingest.acceptedPerSecond", lessThan(5.5f))
                .body("ingest.duplicatesPerSecond", equalTo(0.0f))
                .body("ingest.outboxBacklog", equalTo(3.0f))
                .body("ingest.publishedPerSecond", equalTo(0.0f))
                .body("enrich.service.reachable", equalTo(false))
                .body("enrich.service.error", equalTo("connection refused"))
                .body("enrich.enrichedPerSecond", nullValue())
                .body("enrich.consumerLag", nullValue())
                .body("index.service.reachable", equalTo(true))
                .body("index.service.metrics", equalTo("registry"))
                .body("index.indexedPerSecond", notNullValue())
                .body("history.size()", greaterThan(1))
                .body("history.acceptedPerSecond", hasItem(greaterThan(2.5f))));
    }

    @Test
    void topEntitiesCountArticlesByWhenTheyWereReceivedNotPublished() {
        Instant now = Instant.now();
        // Archive copy taken in just now counts; copy received two hours ago does not, whatever its dates.
        TaggedCopy archive = TaggedCopy.article("Archive Desk", "Tarnholt mill closes",
                "The Tarnholt Weavers Guild said the mill in Tarnholt would close.", now)
                .entity("ORGANIZATION", "Tarnholt Weavers Guild", "Tarnholt Weavers Guild")
                .entity("LOCATION", "Tarnholt", "in Tarnholt");
        TaggedCopy earlier = TaggedCopy.article("Archive Desk", "Tarnholt guild meets",
                "The Tarnholt Weavers Guild and the Brisk Ferry Company met.", now.minus(Duration.ofHours(2)))
                .entity("ORGANIZATION", "Tarnholt Weavers Guild", "Tarnholt Weavers Guild")
                .entity("ORGANIZATION", "Brisk Ferry Company", "Brisk Ferry Company");
        String archiveJson = archive.json().replaceFirst("\"publishedAt\":\"[^\"]+\"", "\"publishedAt\":\"1987-03-02T09:00:00Z\"");
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send("articles.enriched", archive.id(), archiveJson);
        kafka.send("articles.enriched", earlier.id(), earlier.json());
        // Searchable, not just stored: the aggregation sees both only after a refresh.
        await().atMost(WITHIN).untilAsserted(() -> given().queryParam("q", "Tarnholt").get("/v1/articles").then()
                .statusCode(200).body("total", equalTo(2)));

        given().queryParam("size", 50).get("/v1/dashboard/entities").then().statusCode(200)
                .body("byType.ORGANIZATION.find { it.name == 'Tarnholt Weavers Guild' }.articles", equalTo(1))
                .body("byType.ORGANIZATION.name", not(hasItem("Brisk Ferry Company")))
                .body("byType.LOCATION.find { it.name == 'Tarnholt' }.mentions", equalTo(1))
                .body("byType.MISC", notNullValue());
        given().queryParam("hours", 3).queryParam("size", 50).get("/v1/dashboard/entities").then().statusCode(200)
                .body("byType.ORGANIZATION.find { it.name == 'Tarnholt Weavers Guild' }.articles", equalTo(2))
                .body("byType.ORGANIZATION.name", hasItem("Brisk Ferry Company"));
        // Latest by arrival: the 1987 copy received now comes before copy published today but received earlier.
        List<String> latest = given().queryParam("size", 50).get("/v1/dashboard/latest").then().statusCode(200)
                .body("articles.find { it.id == '" + archive.id() + "' }.entities[0].mentions[0].start", equalTo(4))
                .body("articles.find { it.id == '" + archive.id() + "' }.publishedAt", equalTo("1987-03-02T09:00:00Z"))
                .extract().jsonPath().getList("articles.id");
        assertTrue(latest.contains(earlier.id()), latest::toString);
        assertTrue(latest.indexOf(archive.id()) >= 0 && latest.indexOf(archive.id()) < latest.indexOf(earlier.id()),
                latest::toString);
        given().queryParam("hours", 0).get("/v1/dashboard/entities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("hours"))
                .body("type", containsString("invalid-parameter"));
    }
}
