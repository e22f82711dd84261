package news.wire.query.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import news.wire.query.config.QueryConfig;
import news.wire.query.security.ReadKeysForTests.Key;
import news.wire.testkit.LogCapture;

/**
 * Read keys as deployed: every /v1 call needs a live key (401 problem otherwise), health, metrics and the dashboard
 * page stay open, keys are issued and revoked with the admin token (403 problem without it), stored only as hashes in
 * Elasticsearch, found again by an instance that never saw them issued, and never logged.
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
class ReadKeyTest {

    private static final String PROBLEM = "application/problem+json";
    private static final List<String> GUARDED = List.of("/v1/articles?q=strike", "/v1/articles/" + UUID.randomUUID(),
            "/v1/entities?prefix=val", "/v1/stories", "/v1/stats", "/v1/dashboard/pipeline", "/v1/dashboard/entities",
            "/v1/dashboard/latest", "/v1/watches", "/v1/watches/" + UUID.randomUUID() + "/matches");

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    QueryConfig config;

    private static void requireUnauthenticated(Response answer) {
        assertEquals(401, answer.statusCode(), answer::asString);
        assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
        assertEquals("urn:problem:wire:unauthenticated", answer.path("type"));
        assertEquals(401, (int) answer.path("status"));
    }

    @Test
    void everyCallUnderV1NeedsAKeyWhileHealthMetricsAndThePageStayOpen() {
        for (String path : GUARDED) {
            requireUnauthenticated(given().when().get(path).then().extract().response());
            requireUnauthenticated(given().header("X-Api-Key", "wr_" + UUID.randomUUID()).when().get(path)
                    .then().extract().response());
        }
        for (String open : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/", "/dashboard/app.js",
                "/dashboard/style.css", "/q/openapi")) {
            given().when().get(open).then().statusCode(200);
        }
    }

    @Test
    void anIssuedKeyReadsUntilItIsRevokedAndIsStoredOnlyAsAHash() throws Exception {
        Key key;
        String listed;
        try (LogCapture everything = LogCapture.of("")) {
            key = ReadKeysForTests.issue("night desk");
            assertTrue(key.secret().startsWith("wr_"), key.secret());
            for (String path : List.of("/v1/articles?q=strike", "/v1/stats", "/v1/dashboard/latest")) {
                given().header("X-Api-Key", key.secret()).when().get(path).then().statusCode(200);
            }
            listed = given().header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN).when().get("/v1/keys")
                    .then().statusCode(200).extract().asString();

            // Only the hash is kept: no document holds the secret.
            String stored = elasticsearch.search(s -> s.index(ApiKeys.INDEX).size(1000), Map.class).hits().hits()
                    .toString();
            assertTrue(stored.contains(key.id()), stored);
            assertFalse(stored.contains(key.secret()) || stored.contains(key.secret().substring(3)), "a secret stored");
            // A new instance, remembering nothing, finds the key in Elasticsearch: keys survive restarts.
            assertEquals(UUID.fromString(key.id()),
                    new ApiKeys(elasticsearch, config).holderOf(key.secret()).orElseThrow());

            ReadKeysForTests.revoke(key);
            requireUnauthenticated(given().header("X-Api-Key", key.secret()).when().get("/v1/stats")
                    .then().extract().response());
            assertTrue(new ApiKeys(elasticsearch, config).holderOf(key.secret()).isEmpty(), "revoked for good");
            assertFalse(everything.lines().stream().anyMatch(line -> line.message() != null
                    && line.message().contains(key.secret().substring(3))), "a key was logged");
        }
        assertTrue(listed.contains(key.id()) && listed.contains("night desk"), listed);
        assertFalse(listed.contains(key.secret().substring(3)), "the listing shows a secret: " + listed);
        given().header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN).when().get("/v1/keys").then().statusCode(200)
                .body("find { it.id == '" + key.id() + "' }.revokedAt", startsWith("20"));
    }

    @Test
    void administrationNeedsTheAdminTokenAndAnswersProblems() {
        for (String token : new String[] {null, "", KeysOnProfile.ADMIN_TOKEN + "x", "wr_" + UUID.randomUUID()}) {
            var request = given().contentType(ContentType.JSON).body(Map.of("label", "x"));
            if (token != null) {
                request.header(AdminGuard.HEADER, token);
            }
            request.when().post("/v1/keys").then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("urn:problem:wire:admin-only"));
        }
        // A read key is not an admin token.
        Key reader = ReadKeysForTests.issue("a reader");
        given().header("X-Api-Key", reader.secret()).when().get("/v1/keys").then().statusCode(403).contentType(PROBLEM);
        given().header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN).when().delete("/v1/keys/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:problem:wire:not-found"));
        Response issued = given().contentType(ContentType.JSON).header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN)
                .body("{}").when().post("/v1/keys").then().statusCode(201).extract().response();
        assertTrue(issued.header("Location").endsWith("/v1/keys/" + issued.path("id")), issued.header("Location"));
        given().header(AdminGuard.HEADER, KeysOnProfile.ADMIN_TOKEN).when().get("/v1/keys").then().statusCode(200)
                .body("find { it.id == '" + issued.path("id") + "' }.revokedAt", nullValue());
    }
}
