package news.wire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import news.wire.testkit.KafkaTestClient;

/** Duplicates, versions, withdrawals and embargoes, observed on PostgreSQL and on the articles.raw topic. */
@QuarkusTest
class IntakeSemanticsTest {

    /** Long enough for the relay (woken on commit) to have published anything it was going to. */
    private static final Duration PUBLISH_WINDOW = Duration.ofSeconds(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static Map<String, Object> article(String itemId, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("headline", "Council approves harbour budget");
        article.put("body", body);
        article.put("source", "Semantics Wire");
        article.put("publishedAt", "2026-11-18T08:00:00Z");
        if (itemId != null) {
            article.put("sourceItemId", itemId);
        }
        return article;
    }

    private static Response post(Map<String, Object> article) {
        return given().contentType(ContentType.JSON).body(article).when().post("/v1/articles");
    }

    private List<ConsumerRecord<String, String>> published(String id) {
        return new KafkaTestClient(bootstrapServers).collect("articles.raw", r -> id.equals(r.key()), PUBLISH_WINDOW);
    }

    @Test
    void sameItemWithSameContentIsAcceptedOnceAndPublishedOnce() {
        String item = "sem-" + UUID.randomUUID();
        String id = post(article(item, "The budget passed by nine votes to two.")).then().statusCode(202)
                .body("outcome", equalTo("CREATED")).extract().path("id");
        assertTrue(published(id).get(0).value().contains("\"sourceItemId\":\"" + item + "\""),
                "the provider's item id travels with the article");
        post(article(item, "The budget passed by nine votes to two.")).then().statusCode(200)
                .body("id", equalTo(id)).body("outcome", equalTo("DUPLICATE"));

        assertEquals(1, published(id).size(), "a duplicate must not be re-published");
    }

    @Test
    void identicalCopyWithoutProviderIdIsRecognisedByItsText() {
        String body = "Ferries resumed at dawn. " + UUID.randomUUID();
        String id = post(article(null, body)).then().statusCode(202).extract().path("id");
        post(article(null, body)).then().statusCode(200).body("id", equalTo(id)).body("outcome", equalTo("DUPLICATE"));
    }

    @Test
    void changedContentBecomesNewVersionOfTheSameArticle() {
        String item = "sem-" + UUID.randomUUID();
        String id = post(article(item, "First take: the vote is due at noon.")).then().statusCode(202).extract().path("id");
        post(article(item, "Second take: the budget passed by nine votes to two.")).then().statusCode(202)
                .body("id", equalTo(id)).body("version", equalTo(2)).body("outcome", equalTo("NEW_VERSION"));

        List<ConsumerRecord<String, String>> records = published(id);
        assertEquals(2, records.size());
        assertTrue(records.get(1).value().contains("\"version\":2"), records.get(1).value());
        given().get("/v1/articles/" + id).then().statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[1].change", equalTo("NEW_VERSION"));
    }

    @Test
    void olderProviderVersionIsIgnored() {
        String item = "sem-" + UUID.randomUUID();
        Map<String, Object> v3 = article(item, "Third take.");
        v3.put("version", 3);
        String id = post(v3).then().statusCode(202).extract().path("id");
        Map<String, Object> v2 = article(item, "Second take, arriving late.");
        v2.put("version", 2);
        post(v2).then().statusCode(200).body("outcome", equalTo("STALE")).body("version", equalTo(1));
        assertEquals(1, published(id).size());
    }

    @Test
    void withdrawalPublishesTombstoneOnce() {
        String id = post(article("sem-" + UUID.randomUUID(), "A story that will be killed.")).then().statusCode(202)
                .extract().path("id");
        given().delete("/v1/articles/" + id).then().statusCode(202).body("status", equalTo("WITHDRAWN"));
        given().delete("/v1/articles/" + id).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));

        List<ConsumerRecord<String, String>> records = published(id);
        assertEquals(2, records.size(), "the article, then one tombstone");
        assertNull(records.get(1).value());
        given().get("/v1/articles/" + id).then().body("status", equalTo("WITHDRAWN"));
        given().delete("/v1/articles/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:problem:wire:unknown-item"));
    }

    @Test
    void embargoedArticleWaitsForItsTime() {
        Map<String, Object> embargoed = article("sem-" + UUID.randomUUID(), "Results under embargo.");
        embargoed.put("embargoedUntil", Instant.now().plusSeconds(4).toString());
        String id = post(embargoed).then().statusCode(202).body("status", equalTo("EMBARGOED")).extract().path("id");

        assertEquals(0, published(id).size(), "published before its embargo");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/v1/articles/" + id).then().body("status", equalTo("PUBLISHED")));
        assertEquals(1, published(id).size());
    }

    @Test
    void concurrentCopiesOfANewItemResolveToOneArticle() throws Exception {
        Map<String, Object> copy = article("sem-" + UUID.randomUUID(), "Sent twice by a nervous feed.");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> post(copy));
            }
            List<String> ids = new ArrayList<>();
            int created = 0;
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertTrue(r.statusCode() == 202 || r.statusCode() == 200, r.asString());
                created += r.statusCode() == 202 ? 1 : 0;
                ids.add(r.path("id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oversizedArticleIsRefusedWith413() {
        given().contentType(ContentType.JSON)
                .body("{\"headline\":\"Big\",\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .when().post("/v1/articles")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:too-large"));
    }
}
