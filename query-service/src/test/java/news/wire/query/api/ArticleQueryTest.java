package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;

/** The indexer and the REST API against a real Kafka broker and a real Elasticsearch node. */
@QuarkusTest
class ArticleQueryTest {

    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void enrichedArticleIsServedByIdAndFoundBySearch() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, article(id, 1, "Port of Valmora reopens after storm"));

        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("entities.name", hasItem("Ines Calder")));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().queryParam("q", "Valmora storm")
                .get("/v1/articles")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("articles.id", hasItem(id)));
    }

    @Test
    void olderVersionNeverReplacesNewerOne() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, article(id, 2, "Second version"));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id)
                .then().statusCode(200).body("version", equalTo(2)));

        publish(id, article(id, 1, "First version arriving late"));
        String barrier = UUID.randomUUID().toString();
        publish(barrier, article(barrier, 1, "Barrier"));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + barrier).then().statusCode(200));

        given().get("/v1/articles/" + id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("headline", equalTo("Second version"));
    }

    @Test
    void tombstoneRemovesTheArticle() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, article(id, 1, "To be withdrawn"));
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id).then().statusCode(200));
        publish(id, null);
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:not-found")));
    }

    @Test
    void indexingIsMeteredOncePerArticleWithFreshnessAndLag() throws Exception {
        String before = metrics();
        String id = UUID.randomUUID().toString();
        publish(id, article(id, 1, "Metered article"));
        publish(id, article(id, 1, "Metered article, replayed"));
        publish(UUID.randomUUID().toString(), "{not json");
        // The unreadable record may sit on another partition and be counted a batch later: wait for both.
        await().atMost(INDEXED_WITHIN).untilAsserted(() -> {
            String now = metrics();
            assertEquals(1, sample(now, "query_indexed_articles_total{outcome=\"stale\"}")
                    - sample(before, "query_indexed_articles_total{outcome=\"stale\"}"), now);
            assertEquals(1, sample(now, "query_indexed_articles_total{outcome=\"rejected\"}")
                    - sample(before, "query_indexed_articles_total{outcome=\"rejected\"}"), now);
        });

        String after = metrics();
        assertEquals(1, sample(after, "query_indexed_articles_total{outcome=\"indexed\"}")
                - sample(before, "query_indexed_articles_total{outcome=\"indexed\"}"), after);
        // The example article was published long ago: its age lands in the highest bucket, not in the first second.
        assertEquals(1, sample(after, "query_article_freshness_seconds_count{since=\"published\"}")
                - sample(before, "query_article_freshness_seconds_count{since=\"published\"}"), after);
        assertTrue(sample(after, "query_index_bulk_seconds_count") >= 1, after);
        assertTrue(after.contains("query_index_bulk_seconds_bucket{le=\"0.1\"}"), after);
        assertTrue(after.contains("query_indexer_lag_records{partition=\"0\",topic=\"articles.enriched\"}"), after);
    }

    @Test
    void badParameterIsProblemNamingIt() {
        given().queryParam("size", 1000).get("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void readinessCoversKafkaAndElasticsearch() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Elasticsearch cluster health check"))
                .body("checks.name", hasItem("article-indexer-joined"));
    }

    private String article(String id, int version, String headline) throws Exception {
        ObjectNode article = MessageContract.ENRICHED_ARTICLE.example(id);
        article.put("version", version);
        if (!headline.startsWith("Port")) {
            article.put("headline", headline);
        }
        return article.toString();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the series (name and labels exactly as exported), or 0 when it is absent. */
    private static double sample(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private void publish(String key, String value) {
        new KafkaTestClient(bootstrapServers).send("articles.enriched", key, value);
    }
}
