package news.wire.query.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import news.wire.query.security.ReadKeysForTests.Key;

/**
 * The search rate limit, keys on: a key past its burst is refused 429 with Retry-After, other keys go on, after the
 * wait it is served again, and refusals are counted by key id. The limit refills while the test runs (1 a second),
 * so the check searches until the refusal it is after, within a bound.
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
class SearchRateLimitTest {

    /** Far more than the burst plus what refills while a slow machine sends them. */
    private static final int MOST_ATTEMPTS = 40;

    private static Response search(Key key) {
        return given().header("X-Api-Key", key.secret()).when().get("/v1/articles?q=ferry").then().extract().response();
    }

    /** The key's series of the refusal counter; a sample may carry an exemplar after its value. */
    private static double refusalsCounted(Key key) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^query_rate_limited_total\\{key=\"" + Pattern.quote(key.id())
                + "\"} (\\S+)(?: #.*)?$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void aKeyPastItsBurstIsRefusedWithRetryAfterWhileOtherKeysGoOnAndIsServedAgainAfterTheWait() throws Exception {
        Key flood = ReadKeysForTests.issue("runaway script");
        Key calm = ReadKeysForTests.issue("calm desk");
        Response refusal = null;
        int served = 0;
        for (int i = 0; i < MOST_ATTEMPTS && refusal == null; i++) {
            Response answer = search(flood);
            if (answer.statusCode() == 429) {
                refusal = answer;
            } else {
                assertEquals(200, answer.statusCode(), answer::asString);
                served++;
            }
        }
        if (refusal == null) {
            fail("no 429 after " + MOST_ATTEMPTS + " searches from one key at 1 a second");
        }
        assertTrue(served >= RateLimitedProfile.BURST, "the whole burst is served first: " + served);
        assertTrue(refusal.contentType().startsWith("application/problem+json"), refusal.contentType());
        assertEquals("urn:problem:wire:rate-limited", refusal.path("type"));
        assertEquals(429, (int) refusal.path("status"));
        assertTrue(refusal.<String>path("detail").contains("(1 request/s, burst 5)"), refusal.asString());
        String retryAfter = refusal.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After");
        assertEquals(1, Integer.parseInt(retryAfter), retryAfter);
        assertTrue(refusalsCounted(flood) >= 1, "query_rate_limited_total counts the refusal by key id");

        // Another key from the same address, at the same moment: its own bucket.
        assertEquals(200, search(calm).statusCode());
        assertEquals(0.0, refusalsCounted(calm));

        Thread.sleep(Long.parseLong(retryAfter) * 1000);
        assertEquals(200, search(flood).statusCode());
    }
}
