package news.wire.query.security;

import static news.wire.testkit.HostileCase.encode;
import static news.wire.testkit.HostileCase.get;
import static news.wire.testkit.HostileCase.post;
import static news.wire.testkit.HostileCase.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.wire.query.security.ReadKeysForTests.Key;
import news.wire.testkit.HostileCase;
import news.wire.testkit.HostileClient;
import news.wire.testkit.KeyCases;

/**
 * Hostile input where read keys are on, as deployed: missing, forged, damaged and revoked keys at every kind of
 * endpoint, and the key administration API with a valid admin token (so the input reaches the handlers, not only
 * the token check). Afterwards the key issued before still reads and the service is up. Last, a flood from one key
 * under a rate limit small enough to meet in a test.
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileKeyInputTest {

    private static final String JSON = "application/json";
    private static final String TOKEN = KeysOnProfile.ADMIN_TOKEN;
    private static final String KEYS = "/v1/keys";
    private static final List<String> ENDPOINTS = List.of("/v1/articles?q=strike", "/v1/dashboard/pipeline",
            "/v1/stories", "/v1/entities?prefix=val");
    /** Requests the flood sends: many times the burst. */
    private static final int FLOOD = 40;

    private static Key live;
    private static Key revoked;
    private static int keysBefore;

    @TestHTTPResource("/")
    String root;

    private static List<HostileCase> adminCases() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(post("keys", "malformed JSON", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\": ").refused(400, "malformed-json"));
        cases.add(post("keys", "label as an object", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":{\"$ne\":null}}").refused(400, "malformed-json"));
        cases.add(post("keys", "label of 201 characters", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"" + "l".repeat(201) + "\"}").refused(400, "invalid-parameter"));
        cases.add(post("keys", "NUL in the label", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night\\u0000desk\"}").refused(400, "invalid-parameter"));
        cases.add(post("keys", "line break in the label", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night\\nINFO forged\"}").refused(400, "invalid-parameter"));
        cases.add(post("keys", "text instead of JSON", KEYS).contentType("text/plain").header("X-Admin-Token", TOKEN)
                .body("label=x").refused(415, "unsupported-media-type"));
        cases.add(post("keys", "no admin token", KEYS).contentType(JSON).body("{}").refused(403, "admin-only"));
        cases.add(post("keys", "admin token of 4,000 characters", KEYS).contentType(JSON)
                .header("X-Admin-Token", "A".repeat(4_000)).body("{}").refused(403, "admin-only"));
        cases.add(post("keys", "admin token with SQL", KEYS).contentType(JSON)
                .header("X-Admin-Token", "' OR '1'='1").body("{}").refused(403, "admin-only"));
        cases.add(get("keys", "listing with a wrong token", KEYS).header("X-Admin-Token", TOKEN + "x")
                .refused(403, "admin-only"));
        cases.add(get("keys", "listing with a read key instead of the token", KEYS)
                .header("X-Api-Key", "wr_" + UUID.randomUUID()).refused(403, "admin-only"));
        cases.add(request("keys", "revoking an id that is not a UUID", "DELETE", KEYS + "/" + encode("1 OR 1=1"))
                .header("X-Admin-Token", TOKEN).refused(404, "not-found"));
        cases.add(request("keys", "revoking an unknown key", "DELETE", KEYS + "/" + UUID.randomUUID())
                .header("X-Admin-Token", TOKEN).refused(404, "not-found"));
        cases.add(request("keys", "revoking without the token", "DELETE", KEYS + "/" + UUID.randomUUID())
                .refused(403, "admin-only"));
        return cases;
    }

    private static List<HostileCase> keyCases() {
        List<HostileCase> cases = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            cases.addAll(KeyCases.refused("api-key " + endpoint.replaceAll("\\?.*", ""),
                    name -> get("api-key", name + " at " + endpoint, endpoint), live.secret(), revoked.secret()));
        }
        return cases;
    }

    private static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>(adminCases());
        cases.addAll(keyCases());
        return cases;
    }

    @Test
    @Order(1)
    void keysIssuedBeforeTheBarrage() {
        live = ReadKeysForTests.issue("night desk");
        revoked = ReadKeysForTests.issue("left the paper");
        ReadKeysForTests.revoke(revoked);
        keysBefore = io.restassured.RestAssured.given().header("X-Admin-Token", TOKEN).get(KEYS)
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void refusedWithAProblem(HostileCase c) {
        new HostileClient(root).check(c);
    }

    @Test
    @Order(3)
    void afterTheBarrageTheKeyStillReadsAndNoKeyWasAdded() {
        HostileClient client = new HostileClient(root);
        client.check(get("seed", "search with the key", "/v1/articles?q=strike").header("X-Api-Key", live.secret())
                .answered(200));
        assertEquals(keysBefore, io.restassured.RestAssured.given().header("X-Admin-Token", TOKEN).get(KEYS)
                .then().statusCode(200).extract().jsonPath().getList("$").size());
        client.requireUp();
    }

    /** A runaway client: one key searches as fast as it can; past its burst it is refused, other keys go on. */
    @Test
    @Order(4)
    void aFloodFromOneKeyIsRefusedWhileOtherKeysGoOn() {
        HostileClient client = new HostileClient(root);
        Key runaway = ReadKeysForTests.issue("runaway dashboard");
        KeyCases.Flood flood = KeyCases.flood(client, () -> get("flood", "search of a flood from one key",
                "/v1/articles?q=" + UUID.randomUUID()).header("X-Api-Key", runaway.secret()).answered(200), 200, FLOOD);
        // The burst, plus a token for each second the flood took (1 a second), and no more.
        assertTrue(flood.accepted() <= RateLimitedProfile.BURST + flood.seconds() + 1, flood.toString());
        assertTrue(flood.refused() > 0, "a flood of " + FLOOD + " was never refused: " + flood);
        client.check(get("seed", "the barrage's key during the flood", "/v1/stats").header("X-Api-Key", live.secret())
                .answered(200));
        client.requireUp();
    }

    @AfterAll
    static void printCounts() {
        if (live != null) {
            System.out.println(HostileClient.summary("query-service HostileKeyInputTest", cases(), List.of()));
        }
    }
}
