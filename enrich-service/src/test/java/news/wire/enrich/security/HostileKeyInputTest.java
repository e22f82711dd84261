package news.wire.enrich.security;

import static news.wire.testkit.HostileCase.encode;
import static news.wire.testkit.HostileCase.get;
import static news.wire.testkit.HostileCase.post;
import static news.wire.testkit.HostileCase.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
import news.wire.testkit.HostileCase;
import news.wire.testkit.HostileClient;
import news.wire.testkit.KeyCases;

/**
 * Hostile input where read keys are on, as deployed: missing, forged, damaged and revoked keys at POST /v1/enrich,
 * and the key administration API with a valid admin token (so the input reaches the handlers). Afterwards the key
 * issued before still previews, no key was added, and the service is up, also after a flood of forged keys.
 */
@QuarkusTest
@TestProfile(KeysOnProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileKeyInputTest {

    private static final String JSON = "application/json";
    private static final String TOKEN = KeysOnProfile.ADMIN_TOKEN;
    private static final String KEYS = "/v1/keys";
    private static final String ARTICLE = "{\"headline\":\"Dam\",\"body\":\"Repairs at Korsvik.\","
            + "\"publishedAt\":\"2026-11-20T08:00:00Z\"}";
    private static final int FLOOD = 200;

    private static String live;
    private static String revoked;
    private static int keysBefore;

    @TestHTTPResource("/")
    String root;

    private static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(post("keys", "malformed JSON", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\": ").refused(400, "malformed-json"));
        cases.add(post("keys", "label as an object", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":{\"$ne\":null}}").refused(400, "invalid-request"));
        cases.add(post("keys", "label of 201 characters", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"" + "l".repeat(201) + "\"}").refused(400, "invalid-request"));
        cases.add(post("keys", "NUL in the label", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night\\u0000desk\"}").refused(400, "invalid-request"));
        cases.add(post("keys", "line break in the label", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night\\nINFO forged\"}").refused(400, "invalid-request"));
        cases.add(post("keys", "text instead of JSON", KEYS).contentType("text/plain").header("X-Admin-Token", TOKEN)
                .body("label=x").refused(415, "unsupported-media-type"));
        cases.add(post("keys", "no admin token", KEYS).contentType(JSON).body("{}").refused(403, "admin-only"));
        cases.add(post("keys", "admin token of 4,000 characters", KEYS).contentType(JSON)
                .header("X-Admin-Token", "A".repeat(4_000)).body("{}").refused(403, "admin-only"));
        cases.add(get("keys", "listing with a wrong token", KEYS).header("X-Admin-Token", TOKEN + "x")
                .refused(403, "admin-only"));
        cases.add(request("keys", "revoking an id that is not a UUID", "DELETE", KEYS + "/" + encode("1 OR 1=1"))
                .header("X-Admin-Token", TOKEN).refused(404, "not-found"));
        cases.add(request("keys", "revoking an unknown key", "DELETE", KEYS + "/" + UUID.randomUUID())
                .header("X-Admin-Token", TOKEN).refused(404, "not-found"));
        cases.addAll(KeyCases.refused("api-key", name -> post("api-key", name, "/v1/enrich").contentType(JSON)
                .body(ARTICLE), live, revoked));
        return cases;
    }

    @Test
    @Order(1)
    void keysIssuedBeforeTheBarrage() {
        HostileClient client = new HostileClient(root);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(client::requireUp);
        live = client.check(post("seed", "issue", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night desk\"}").answered(201)).json().get("key").asText();
        HostileClient.Answer gone = client.check(post("seed", "issue", KEYS).contentType(JSON)
                .header("X-Admin-Token", TOKEN).body("{\"label\":\"left the paper\"}").answered(201));
        revoked = gone.json().get("key").asText();
        client.check(request("seed", "revoke", "DELETE", KEYS + "/" + gone.json().get("id").asText())
                .header("X-Admin-Token", TOKEN).answered(204));
        keysBefore = client.check(get("seed", "list", KEYS).header("X-Admin-Token", TOKEN).answered(200)).json().size();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void refusedWithAProblem(HostileCase c) {
        new HostileClient(root).check(c);
    }

    @Test
    @Order(3)
    void afterTheBarrageTheKeyStillPreviewsAndNoKeyWasAdded() {
        HostileClient client = new HostileClient(root);
        client.check(post("seed", "preview with the key", "/v1/enrich").contentType(JSON).header("X-Api-Key", live)
                .body(ARTICLE).answered(200));
        assertEquals(keysBefore, client.check(get("seed", "list", KEYS).header("X-Admin-Token", TOKEN).answered(200))
                .json().size());
        client.requireUp();
    }

    /** Guessing keys as fast as one client can: every guess refused 401, the real key unaffected, the service up. */
    @Test
    @Order(4)
    void aFloodOfForgedKeysIsRefusedWhileTheRealKeyGoesOn() {
        HostileClient client = new HostileClient(root);
        KeyCases.Flood flood = KeyCases.flood(client, () -> post("flood", "guessed key", "/v1/enrich").contentType(JSON)
                .header("X-Api-Key", "we_" + UUID.randomUUID()).body(ARTICLE).refused(401, "unauthenticated"), 401, FLOOD);
        assertEquals(FLOOD, flood.accepted(), flood.toString());
        client.check(post("seed", "preview with the key after the flood", "/v1/enrich").contentType(JSON)
                .header("X-Api-Key", live).body(ARTICLE).answered(200));
        client.requireUp();
    }

    @AfterAll
    static void printCounts() {
        if (live != null) {
            System.out.println(HostileClient.summary("enrich-service HostileKeyInputTest", cases(), List.of()));
        }
    }
}
