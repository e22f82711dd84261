package news.wire.query.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Read keys on as deployed, with a rate limit a test meets in a few requests: 1 a second, bursts of 5. Its own
 * profile, so the limit never reaches the tests that search hundreds of times, nor the dashboard's polling.
 */
public class RateLimitedProfile implements QuarkusTestProfile {

    static final int BURST = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("query.auth.enabled", "true", "query.auth.admin-token", KeysOnProfile.ADMIN_TOKEN,
                "query.rate-limit.requests-per-second", "1", "query.rate-limit.burst", String.valueOf(BURST));
    }
}
