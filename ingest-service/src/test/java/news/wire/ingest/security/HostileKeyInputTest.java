package news.wire.ingest.security;

import static news.wire.testkit.HostileCase.encode;
import static news.wire.testkit.HostileCase.get;
import static news.wire.testkit.HostileCase.post;
import static news.wire.testkit.HostileCase.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.wire.ingest.intake.Article;
import news.wire.testkit.HostileCase;
import news.wire.testkit.HostileClient;

/**
 * Hostile input where API keys are on, as deployed: at the key administration API with a valid admin token (so the
 * input reaches the handlers, not only the token check) and at the article endpoints with forged keys. Afterwards
 * the key issued before still works and no key or article was added by a refused request. Last, a flood from one
 * key, under a rate limit small enough to meet in a test.
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileKeyInputTest {

    private static final String JSON = "application/json";
    private static final String SOURCE = "Hostile Key Wire";
    private static final String TOKEN = AuthEnabledProfile.ADMIN_TOKEN;
    private static final String KEYS = "/v1/sources/" + encode(SOURCE) + "/keys";
    /** Articles the flood sends: many times the burst. */
    private static final int FLOOD = 40;

    private static String key;
    private static long keysBefore;
    private static long articlesBefore;

    @TestHTTPResource("/")
    String root;

    private static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(post("keys", "malformed JSON", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\": ").refused(400, "malformed-json"));
        cases.add(post("keys", "an array", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("[\"label\"]").refused(400, "invalid-article"));
        cases.add(post("keys", "label of 201 characters", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"" + "l".repeat(201) + "\"}").refused(400, "invalid-article"));
        cases.add(post("keys", "NUL in the label", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night\\u0000desk\"}").refused(400, "invalid-article"));
        cases.add(post("keys", "line break in the label", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night\\nINFO forged\"}").refused(400, "invalid-article"));
        cases.add(post("keys", "source of 201 characters", "/v1/sources/" + "s".repeat(201) + "/keys").contentType(JSON)
                .header("X-Admin-Token", TOKEN).body("{}").refused(400, "invalid-article"));
        cases.add(post("keys", "NUL in the source", "/v1/sources/Wire%00/keys").contentType(JSON)
                .header("X-Admin-Token", TOKEN).body("{}").refused(400, "invalid-article"));
        cases.add(post("keys", "line break in the source", "/v1/sources/Wire%0AINFO%20forged/keys").contentType(JSON)
                .header("X-Admin-Token", TOKEN).body("{}").refused(400, "invalid-article"));
        cases.add(post("keys", "label as an object", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":{\"$ne\":null}}").refused(400, "invalid-article"));
        cases.add(post("keys", "text instead of JSON", KEYS).contentType("text/plain").header("X-Admin-Token", TOKEN)
                .body("label=x").refused(415, "unsupported-media-type"));
        cases.add(post("keys", "admin token of 4,000 characters", KEYS).contentType(JSON)
                .header("X-Admin-Token", "A".repeat(4_000)).body("{}").refused(403, "admin-only"));
        cases.add(post("keys", "admin token with SQL", KEYS).contentType(JSON)
                .header("X-Admin-Token", "' OR '1'='1").body("{}").refused(403, "admin-only"));
        cases.add(get("keys", "listing with a wrong token", KEYS).header("X-Admin-Token", TOKEN + "x")
                .refused(403, "admin-only"));
        cases.add(request("keys", "revoking an id that is not a UUID", "DELETE", KEYS + "/" + encode("1 OR 1=1"))
                .header("X-Admin-Token", TOKEN).refused(404, "not-found"));
        cases.add(request("keys", "revoking an unknown key", "DELETE", KEYS + "/" + UUID.randomUUID())
                .header("X-Admin-Token", TOKEN).refused(404, "not-found"));

        String article = "{\"headline\":\"Keyed\",\"body\":\"b\",\"source\":\"" + SOURCE
                + "\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}";
        cases.add(post("api-key", "no key", "/v1/articles").contentType(JSON).body(article).refused(401, "unauthenticated"));
        cases.add(post("api-key", "key of 8,000 characters", "/v1/articles").contentType(JSON)
                .header("X-Api-Key", "wk_" + "k".repeat(8_000)).body(article).refused(401, "unauthenticated"));
        cases.add(post("api-key", "key with SQL", "/v1/articles").contentType(JSON)
                .header("X-Api-Key", "wk_' OR '1'='1").body(article).refused(401, "unauthenticated"));
        cases.add(post("api-key", "batch with a forged key", "/v1/articles:batch").contentType("application/x-ndjson")
                .header("X-Api-Key", "<script>").body(article).refused(401, "unauthenticated"));
        cases.add(request("api-key", "withdrawal with a forged key", "DELETE", "/v1/articles/" + UUID.randomUUID())
                .header("X-Api-Key", "wk_forged").refused(401, "unauthenticated"));
        cases.add(post("api-key", "feed registration without the admin token", "/v1/feeds").contentType(JSON)
                .body("{\"url\":\"http://127.0.0.1:9/feed\",\"source\":\"" + SOURCE + "\"}").refused(403, "admin-only"));
        return cases;
    }

    @Test
    @Order(1)
    void aKeyIssuedBeforeTheBarrage() {
        HostileClient client = new HostileClient(root);
        key = client.check(post("seed", "issue", KEYS).contentType(JSON).header("X-Admin-Token", TOKEN)
                .body("{\"label\":\"night desk\"}").answered(201)).json().get("key").asText();
        keysBefore = QuarkusTransaction.requiringNew().call(() -> ApiKey.count());
        articlesBefore = QuarkusTransaction.requiringNew().call(() -> Article.count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void refusedWithAProblem(HostileCase c) {
        new HostileClient(root).check(c);
    }

    @Test
    @Order(3)
    void afterTheBarrageTheKeyStillWorksAndNothingWasAdded() {
        assertEquals(keysBefore, (long) QuarkusTransaction.requiringNew().call(() -> ApiKey.count()));
        assertEquals(articlesBefore, (long) QuarkusTransaction.requiringNew().call(() -> Article.count()));
        HostileClient client = new HostileClient(root);
        client.check(post("seed", "submit with the key", "/v1/articles").contentType(JSON)
                .header("X-Api-Key", key).body("{\"headline\":\"Still keyed " + UUID.randomUUID() + "\",\"body\":\"b\","
                        + "\"source\":\"" + SOURCE + "\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}")
                .answered(202, accepted -> assertEquals(SOURCE, accepted.get("source").asText())));
        client.requireUp();
    }

    /**
     * A runaway client: one key sends as fast as it can. Past its burst (and what refills meanwhile) every article is
     * refused 429 {@code rate-limited}, none of those is stored, and the key of the barrage is not held back.
     */
    @Test
    @Order(4)
    void aFloodFromOneKeyIsRefusedAndStoresNothingWhileOtherKeysGoOn() {
        HostileClient client = new HostileClient(root);
        String floodSource = "Hostile Flood Wire";
        String floodKey = client.check(post("seed", "issue the flood's key", "/v1/sources/" + encode(floodSource) + "/keys")
                .contentType(JSON).header("X-Admin-Token", TOKEN).body("{\"label\":\"runaway importer\"}")
                .answered(201)).json().get("key").asText();
        long started = System.nanoTime();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < FLOOD; i++) {
            HostileCase c = post("flood", "article " + i + " of a flood from one key", "/v1/articles").contentType(JSON)
                    .header("X-Api-Key", floodKey).body("{\"headline\":\"Flood " + UUID.randomUUID() + "\",\"body\":\"b\","
                            + "\"source\":\"" + floodSource + "\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}")
                    .refused(429, "rate-limited");
            HostileClient.Answer answer = client.send(c);
            if (answer.status() == 202) {
                accepted++;
            } else {
                assertEquals(429, answer.status(), answer::toString);
                client.requireProblem(c, answer, c.problemType());
                refused++;
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        // The burst, plus a token for each second the flood took (1 a second), and no more.
        assertTrue(accepted <= RateLimitedProfile.BURST + seconds + 1, accepted + " accepted in " + seconds + " s");
        assertTrue(refused > 0, "a flood of " + FLOOD + " in " + seconds + " s was never refused");
        assertEquals(accepted, (long) QuarkusTransaction.requiringNew().call(() -> Article.count("source", floodSource)),
                "only the admitted articles of the flood are stored");
        client.check(post("seed", "the barrage's key during the flood", "/v1/articles").contentType(JSON)
                .header("X-Api-Key", key).body("{\"headline\":\"Unflooded " + UUID.randomUUID() + "\",\"body\":\"b\","
                        + "\"source\":\"" + SOURCE + "\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}").answered(202));
        client.requireUp();
    }

    @AfterAll
    static void printCounts() {
        System.out.println(HostileClient.summary("ingest-service HostileKeyInputTest", cases(), List.of()));
    }
}
