package news.wire.enrich.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.kafka.KafkaClients;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.LogCapture;

/**
 * Read keys on POST /v1/enrich as deployed: no preview without a live key (401 problem), health and metrics open,
 * keys issued and revoked with the admin token (403 problem without it), written to the compacted key topic as
 * hashes only, read back by an instance that starts later (a restart), and never logged.
 */
@QuarkusTest
@TestProfile(KeysOnProfile.class)
class ReadKeyTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ARTICLE = "{\"headline\":\"Dam repairs\",\"body\":\"President Helen Marrow toured the dam "
            + "near Korsvik on Friday.\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}";

    @Inject
    KafkaClients clients;

    @Inject
    EnrichConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static Response enrich(String key) {
        var request = given().contentType(ContentType.JSON).body(ARTICLE);
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return request.when().post("/v1/enrich").then().extract().response();
    }

    private static Map<String, String> issue(String label) {
        Response issued = given().contentType(ContentType.JSON).header("X-Admin-Token", KeysOnProfile.ADMIN_TOKEN)
                .body(Map.of("label", label)).when().post("/v1/keys").then().statusCode(201).extract().response();
        return Map.of("id", issued.path("id"), "key", issued.path("key"));
    }

    private static void requireUnauthenticated(Response answer) {
        assertEquals(401, answer.statusCode(), answer::asString);
        assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
        assertEquals("urn:problem:wire:unauthenticated", answer.path("type"));
    }

    @Test
    void thePreviewNeedsAKeyWhileHealthAndMetricsStayOpen() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200).body("checks.find { it.name == 'api-keys' }.status", equalTo("UP")));
        requireUnauthenticated(enrich(null));
        requireUnauthenticated(enrich("we_" + UUID.randomUUID()));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anIssuedKeyPreviewsUntilRevokedIsStoredHashedAndIsFoundAgainAfterARestart() throws Exception {
        Map<String, String> key;
        try (LogCapture everything = LogCapture.of("")) {
            key = issue("evaluation desk");
            assertTrue(key.get("key").startsWith("we_"), key.get("key"));
            Response enriched = enrich(key.get("key"));
            assertEquals(200, enriched.statusCode(), enriched::asString);
            assertEquals("article.enriched/v1", enriched.path("schema"));

            String listed = given().header("X-Admin-Token", KeysOnProfile.ADMIN_TOKEN).when().get("/v1/keys")
                    .then().statusCode(200).extract().asString();
            assertTrue(listed.contains(key.get("id")) && listed.contains("evaluation desk"), listed);
            assertFalse(listed.contains(key.get("key").substring(3)), "the listing shows a secret");

            // The topic holds the key's hash, under its id; never the key.
            String record = new KafkaTestClient(bootstrapServers).await(config.topics().apiKeys(),
                    r -> key.get("id").equals(r.key()), Duration.ofSeconds(20)).value();
            assertTrue(record.contains(ApiKeys.hash(key.get("key"))), record);
            assertFalse(record.contains(key.get("key").substring(3)), "a secret in the topic: " + record);

            // Another instance (or this one after a restart) reads the topic from its start and knows the key; it
            // follows the topic, so a revocation through this instance reaches it too.
            ApiKeys restarted = new ApiKeys(clients, config, json);
            restarted.start(null);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(restarted.call().getStatus().name()));
                assertEquals(UUID.fromString(key.get("id")), restarted.holderOf(key.get("key")).orElseThrow());

                given().header("X-Admin-Token", KeysOnProfile.ADMIN_TOKEN).when().delete("/v1/keys/" + key.get("id"))
                        .then().statusCode(204);
                requireUnauthenticated(enrich(key.get("key")));
                await().atMost(Duration.ofSeconds(10)).until(() -> restarted.holderOf(key.get("key")).isEmpty());
            } finally {
                restarted.stop(null);
            }
            assertFalse(everything.lines().stream().anyMatch(line -> line.message() != null
                    && line.message().contains(key.get("key").substring(3))), "a key was logged");
        }
        given().header("X-Admin-Token", KeysOnProfile.ADMIN_TOKEN).when().get("/v1/keys").then().statusCode(200)
                .body("find { it.id == '" + key.get("id") + "' }.revokedAt", startsWith("20"));
    }

    @Test
    void administrationNeedsTheAdminToken() {
        for (String token : new String[] {null, "", KeysOnProfile.ADMIN_TOKEN + "x"}) {
            var request = given().contentType(ContentType.JSON).body(Map.of("label", "x"));
            if (token != null) {
                request.header("X-Admin-Token", token);
            }
            request.when().post("/v1/keys").then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("urn:problem:wire:admin-only"));
        }
        Map<String, String> reader = issue("a reader");
        given().header("X-Api-Key", reader.get("key")).when().get("/v1/keys").then().statusCode(403);
        for (String path : List.of("/v1/keys/" + UUID.randomUUID())) {
            given().header("X-Admin-Token", KeysOnProfile.ADMIN_TOKEN).when().delete(path).then().statusCode(404)
                    .contentType(PROBLEM);
        }
    }
}
