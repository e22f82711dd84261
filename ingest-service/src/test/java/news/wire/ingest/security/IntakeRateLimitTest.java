package news.wire.ingest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import news.wire.ingest.intake.Article;
import news.wire.ingest.outbox.OutboxMessage;

/**
 * The rate limit at the door, keys on: a key past its burst is refused 429 with Retry-After and nothing stored, other
 * keys go on, and after the wait it is heard again; batches stop where the tokens run out; refusals are counted.
 * The limit refills while a test runs (1 a second), so each check sends until the refusal it is after, within a bound.
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
class IntakeRateLimitTest {

    private static final String PROBLEM = "application/problem+json";
    /** Far more than the burst plus what refills while a slow machine sends them. */
    private static final int MOST_ATTEMPTS = 40;

    private final ObjectMapper json = new ObjectMapper();

    private record Key(String id, String source, String secret) {
    }

    private static Key issueKey(String source) {
        Response issued = given().contentType(ContentType.JSON).header("X-Admin-Token", AuthEnabledProfile.ADMIN_TOKEN)
                .body(Map.of("label", "rate limit desk"))
                .when().post("/v1/sources/" + source + "/keys")
                .then().statusCode(201).extract().response();
        return new Key(issued.path("id"), source, issued.path("key"));
    }

    private static Map<String, Object> article(Key key, String itemId) {
        return Map.of("sourceItemId", itemId, "headline", "Ferry timetable " + itemId, "body", "Sailings resume.",
                "source", key.source(), "publishedAt", "2026-11-20T08:00:00Z");
    }

    private static Response post(Key key, Map<String, Object> article) {
        return given().contentType(ContentType.JSON).header("X-Api-Key", key.secret()).body(article)
                .when().post("/v1/articles").then().extract().response();
    }

    /** Posts articles until one is refused; every answer before it must be 202. Returns the refusal. */
    private static Refusal postUntilRefused(Key key, List<String> accepted) {
        for (int i = 0; i < MOST_ATTEMPTS; i++) {
            String itemId = "rl-" + UUID.randomUUID();
            Response answer = post(key, article(key, itemId));
            if (answer.statusCode() == 429) {
                return new Refusal(itemId, answer);
            }
            assertEquals(202, answer.statusCode(), answer::asString);
            accepted.add(itemId);
        }
        return fail("no 429 after " + MOST_ATTEMPTS + " articles from one key at 1 a second");
    }

    private record Refusal(String itemId, Response answer) {
    }

    private static void requireRateLimitedProblem(Response answer) {
        assertEquals(429, answer.statusCode(), answer::asString);
        assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
        assertEquals("urn:problem:wire:rate-limited", answer.path("type"));
        assertEquals(429, (int) answer.path("status"));
        assertNotNull(answer.path("title"));
        String retryAfter = answer.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After");
        // Whole seconds: at 1 article a second the next token is at most a second away.
        assertEquals(1, Integer.parseInt(retryAfter), retryAfter);
    }

    private static long stored(String source) {
        return QuarkusTransaction.requiringNew().call(() -> Article.count("source", source));
    }

    private static long outbox(String source) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "articleId in (select a.id from Article a where a.source = ?1)", source));
    }

    private static boolean storedItem(String source, String itemId) {
        return QuarkusTransaction.requiringNew().call(
                () -> Article.count("source = ?1 and sourceItemId = ?2", source, itemId)) > 0;
    }

    /** The key's series of the refusal counter; a sample may carry an exemplar (" # {trace_id=…}") after its value. */
    private static double refusalsCounted(Key key) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^ingest_rate_limited_total\\{key=\"" + Pattern.quote(key.id())
                + "\",source=\"" + Pattern.quote(key.source()) + "\"} (\\S+)(?: #.*)?$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void aKeyPastItsBurstIsRefusedWithRetryAfterStoresNothingAndIsHeardAgainAfterTheWait() throws Exception {
        Key flood = issueKey("Flood Wire " + UUID.randomUUID());
        Key calm = issueKey("Calm Wire " + UUID.randomUUID());
        List<String> accepted = new ArrayList<>();

        Refusal refusal = postUntilRefused(flood, accepted);
        requireRateLimitedProblem(refusal.answer());
        assertTrue(accepted.size() >= RateLimitedProfile.BURST, "the whole burst is accepted first: " + accepted.size());
        assertTrue(refusal.answer().<String>path("detail").contains("(1 article/s, burst 5)"),
                refusal.answer().asString());

        // The refused article left nothing: no article, no outbox row; the accepted ones are all there.
        assertFalse(storedItem(flood.source(), refusal.itemId()), "a refused article must not be stored");
        assertEquals(accepted.size(), stored(flood.source()));
        assertEquals(accepted.size(), outbox(flood.source()));
        assertTrue(refusalsCounted(flood) >= 1, "ingest_rate_limited_total counts the refusal by key id and source");

        // Another key, same client address, at the same moment: its own bucket.
        given().contentType(ContentType.JSON).header("X-Api-Key", calm.secret()).body(article(calm, "calm-1"))
                .when().post("/v1/articles").then().statusCode(202);
        assertEquals(0.0, refusalsCounted(calm));

        // After Retry-After the same article is accepted and can be read back.
        Thread.sleep(Long.parseLong(refusal.answer().header("Retry-After")) * 1000);
        Response again = post(flood, article(flood, refusal.itemId()));
        assertEquals(202, again.statusCode(), again::asString);
        given().when().get("/v1/articles/" + again.path("id")).then().statusCode(200)
                .body("source", equalTo(flood.source()));
    }

    @Test
    void aWithdrawalCostsATokenLikeAnyWrite() {
        Key key = issueKey("Withdrawing Wire " + UUID.randomUUID());
        for (int i = 0; i < MOST_ATTEMPTS; i++) {
            // An unknown id: an admitted withdrawal is a 404, so only the limit can answer 429.
            Response answer = given().header("X-Api-Key", key.secret())
                    .when().delete("/v1/articles/" + UUID.randomUUID()).then().extract().response();
            if (answer.statusCode() == 429) {
                requireRateLimitedProblem(answer);
                assertTrue(i >= RateLimitedProfile.BURST, "refused within the burst, after " + i);
                return;
            }
            assertEquals(404, answer.statusCode(), answer::asString);
        }
        fail("no 429 after " + MOST_ATTEMPTS + " withdrawals");
    }

    @Test
    void aBatchStopsWhereTheTokensRunOutAndTheLinesBeforeStayStored() throws Exception {
        Key key = issueKey("Batch Limit Wire " + UUID.randomUUID());
        int sent = 30;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= sent; i++) {
            ndjson.append(json.writeValueAsString(article(key, "batch-" + i))).append('\n');
        }
        Response answer = given().contentType("application/x-ndjson").header("X-Api-Key", key.secret())
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/articles:batch").then().statusCode(200).extract().response();
        String[] lines = answer.asString().strip().split("\n");
        // The burst, then one 429 line where reading stopped; the lines after it were not read.
        assertTrue(lines.length > RateLimitedProfile.BURST && lines.length < sent, answer.asString());
        for (int i = 0; i < lines.length - 1; i++) {
            assertEquals(202, json.readTree(lines[i]).get("status").asInt(), lines[i]);
        }
        JsonNode stop = json.readTree(lines[lines.length - 1]);
        assertEquals(lines.length, stop.get("line").asInt(), "the stop names the first line not taken");
        assertEquals(429, stop.get("status").asInt());
        assertEquals("urn:problem:wire:rate-limited", stop.at("/problem/type").asText());
        assertEquals("1", answer.header("Retry-After"));
        assertEquals(lines.length - 1, stored(key.source()), "only the lines before the stop are stored");
        assertEquals(lines.length - 1, outbox(key.source()));

        // With the bucket empty a batch is refused whole: 429 problem+json, nothing stored. The bucket refills while
        // we send, so one-line batches go until one is refused, each admitted one taking the token that came back.
        long before = stored(key.source());
        int admitted = 0;
        for (int i = 0; i < MOST_ATTEMPTS; i++) {
            Response batch = given().contentType("application/x-ndjson").header("X-Api-Key", key.secret())
                    .body((json.writeValueAsString(article(key, "single-" + i)) + "\n").getBytes(StandardCharsets.UTF_8))
                    .when().post("/v1/articles:batch").then().extract().response();
            if (batch.statusCode() == 429) {
                requireRateLimitedProblem(batch);
                assertEquals(before + admitted, stored(key.source()), "a refused batch stores nothing");
                return;
            }
            assertEquals(200, batch.statusCode(), batch::asString);
            admitted += batch.asString().contains("\"status\":202") ? 1 : 0;
        }
        fail("no whole-batch 429 after " + MOST_ATTEMPTS + " batches");
    }

    @Test
    void theRefusalCounterIsExportedFromTheStartForClientsWithoutAKey() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ingest_rate_limited_total{key=\"by-address\",source=\"none\"}"));
    }
}
