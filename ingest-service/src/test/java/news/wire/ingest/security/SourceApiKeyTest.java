package news.wire.ingest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** API keys per source: 401 without a live key, 403 for another source's copy, keys stored only as hashes. */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class SourceApiKeyTest {

    private static Map<String, Object> article(String source) {
        return Map.of("headline", "Key test " + UUID.randomUUID(), "body", "Body.", "source", source,
                "publishedAt", "2026-11-18T08:00:00Z");
    }

    private static String issueKey(String source) {
        return given().contentType(ContentType.JSON).header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN)
                .body(Map.of("label", "newsroom A"))
                .when().post("/v1/sources/" + source + "/keys")
                .then().statusCode(201).body("key", startsWith("wk_")).body("source", equalTo(source))
                .extract().path("key");
    }

    @Test
    void submittingWithoutAKeyIs401() {
        given().contentType(ContentType.JSON).body(article("Key Wire"))
                .when().post("/v1/articles")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:unauthenticated"));
        given().contentType(ContentType.JSON).header("X-Api-Key", "wk_not-a-key").body(article("Key Wire"))
                .when().post("/v1/articles")
                .then().statusCode(401);
        // Counted as what it is, not as an article the service failed to store.
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ingest_articles_rejected_total{format=\"application/json\",problem=\"unauthenticated\"}"),
                metrics);
    }

    @Test
    void keyAdministrationNeedsTheAdminToken() {
        given().contentType(ContentType.JSON).header("X-Admin-Token", "guess").body(Map.of())
                .when().post("/v1/sources/Key Wire/keys")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:admin-only"));
    }

    @Test
    void registeringAFeedIsAdministrationWhenKeysAreOn() {
        Map<String, Object> feed = Map.of("url", "http://127.0.0.1:9/feed.xml", "source", "Any Wire " + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(feed).when().post("/v1/feeds")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:admin-only"));
        String id = given().contentType(ContentType.JSON).header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN)
                .body(feed).when().post("/v1/feeds")
                .then().statusCode(201).extract().path("id");
        given().delete("/v1/feeds/" + id).then().statusCode(403);
        given().header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN).delete("/v1/feeds/" + id).then().statusCode(204);
    }

    @Test
    void keySpeaksForItsOwnSourceOnly() {
        String source = "Key Wire " + UUID.randomUUID();
        String key = issueKey(source);
        given().contentType(ContentType.JSON).header("X-Api-Key", key).body(article(source))
                .when().post("/v1/articles")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).header("X-Api-Key", key).body(article("Someone Else"))
                .when().post("/v1/articles")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:wrong-source"));
        // Formats without a source take the key's.
        given().contentType("text/plain").header("X-Api-Key", key).body("Plain headline\n\nPlain body " + UUID.randomUUID())
                .when().post("/v1/articles")
                .then().statusCode(202).body("source", equalTo(source));
    }

    @Test
    void batchLinesForAnotherSourceAreRefusedOneByOne() {
        String source = "Batch Key Wire " + UUID.randomUUID();
        String key = issueKey(source);
        String ndjson = "{\"headline\":\"Ours\",\"body\":\"B " + UUID.randomUUID() + "\",\"source\":\"" + source
                + "\",\"publishedAt\":\"2026-11-18T08:00:00Z\"}\n"
                + "{\"headline\":\"Theirs\",\"body\":\"B\",\"source\":\"Someone Else\",\"publishedAt\":\"2026-11-18T08:00:00Z\"}\n";
        String answer = given().contentType("application/x-ndjson").header("X-Api-Key", key)
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/articles:batch")
                .then().statusCode(200).extract().asString();
        String[] lines = answer.strip().split("\n");
        assertEquals(2, lines.length, answer);
        assertEquals(true, lines[0].contains("\"status\":202"), lines[0]);
        assertEquals(true, lines[1].contains("\"status\":403") && lines[1].contains("wrong-source"), lines[1]);
    }

    @Test
    void revokedKeyStopsWorkingAndOnlyItsHashIsStored() {
        String source = "Revoked Wire " + UUID.randomUUID();
        String key = issueKey(source);
        String id = given().header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN)
                .get("/v1/sources/" + source + "/keys")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].key", nullValue())
                .extract().path("[0].id");
        String stored = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(UUID.fromString(id)).keyHash);
        assertNotEquals(key, stored);
        assertEquals(ApiKeys.hash(key), stored);

        given().header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN)
                .delete("/v1/sources/" + source + "/keys/" + id).then().statusCode(204);
        given().contentType(ContentType.JSON).header("X-Api-Key", key).body(article(source))
                .when().post("/v1/articles")
                .then().statusCode(401);
        given().header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN).get("/v1/sources/" + source + "/keys")
                .then().body("[0].revokedAt", notNullValue());
    }
}
