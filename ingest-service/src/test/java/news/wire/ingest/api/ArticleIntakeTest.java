package news.wire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.wire.ingest.intake.Article;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;

/** POST /v1/articles against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
class ArticleIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptedArticleIsStoredThenPublishedToArticlesRawUnderTheSameId() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("headline", "Ferry strike ends in Portsmouth",
                        "body", "Crews returned to work on Monday after a two-day strike.",
                        "source", "Channel Wire",
                        "publishedAt", "2026-11-16T09:00:00+01:00"))
                .when().post("/v1/articles")
                .then().statusCode(202)
                .header("Location", containsString("/v1/articles/"))
                .body("version", equalTo(1))
                .extract().path("id");

        ConsumerRecord<String, String> record = new KafkaTestClient(bootstrapServers)
                .await("articles.raw", r -> id.equals(r.key()), Duration.ofSeconds(20));
        List<String> violations = MessageContract.RAW_ARTICLE.violations(record.value());
        assertTrue(violations.isEmpty(), () -> "article.raw/v1 contract violated: " + violations);
        JsonNode message = json.readTree(record.value());
        assertEquals(id, message.get("id").asText());
        assertEquals("2026-11-16T08:00:00Z", message.get("publishedAt").asText());
        assertEquals("Channel Wire", message.get("source").asText());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/v1/articles/" + id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")));
    }

    @Test
    void invalidArticleIsRejectedWithProblemAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> Article.count());
        given().contentType(ContentType.JSON)
                .body(Map.of("body", "No headline here.", "source", "Channel Wire", "publishedAt", "yesterday"))
                .when().post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("publishedAt"));
        given().contentType(ContentType.JSON)
                .body(Map.of("body", "No headline here.", "source", "Channel Wire",
                        "publishedAt", "2026-11-16T09:00:00Z"))
                .when().post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-article"))
                .body("errors.field", hasItem("headline"));
        long after = QuarkusTransaction.requiringNew().call(() -> Article.count());
        assertEquals(before, after);
    }

    @Test
    void malformedJsonGetsProblemDocument() {
        given().contentType(ContentType.JSON).body("{\"headline\": ")
                .when().post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:malformed-json"));
    }

    @Test
    void unknownArticleIsNotFoundProblem() {
        given().get("/v1/articles/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:not-found"));
    }

    @Test
    void metricsCountAcceptedDuplicateAndRejectedItems() {
        Map<String, Object> article = Map.of("headline", "Metered", "body", "Counted " + UUID.randomUUID(),
                "source", "Meter Wire", "publishedAt", "2026-11-16T09:00:00Z");
        given().contentType(ContentType.JSON).body(article).post("/v1/articles").then().statusCode(202);
        given().contentType(ContentType.JSON).body(article).post("/v1/articles").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{").post("/v1/articles").then().statusCode(400);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ingest_articles_total{format=\"application/json\",outcome=\"created\",source=\"Meter Wire\"} 1.0"), metrics);
        assertTrue(metrics.contains("ingest_articles_total{format=\"application/json\",outcome=\"duplicate\",source=\"Meter Wire\"} 1.0"), metrics);
        assertTrue(metrics.contains("ingest_articles_rejected_total{format=\"application/json\",problem=\"malformed-json\"}"), metrics);
        assertTrue(metrics.contains("ingest_outbox_backlog"), metrics);
        assertTrue(metrics.contains("ingest_outbox_oldest_seconds"), metrics);
        // Only the created article is published: the duplicate and the refused item never reach the outbox.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String later = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(later.contains("ingest_outbox_publish_latency_seconds_bucket{le=\"0.5\"}"), later);
            assertTrue(later.lines().anyMatch(line -> line.startsWith("ingest_outbox_published_total ")
                    && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1), later);
        });
    }

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
