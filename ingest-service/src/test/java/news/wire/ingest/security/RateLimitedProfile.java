package news.wire.ingest.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * API keys on as deployed, with a rate limit a test meets in a few requests: 1 article a second, bursts of 5. Its own
 * profile, so the limit never reaches the tests that send hundreds of articles.
 */
public class RateLimitedProfile implements QuarkusTestProfile {

    static final int BURST = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.auth.enabled", "true", "ingest.auth.admin-token", AuthEnabledProfile.ADMIN_TOKEN,
                "ingest.rate-limit.articles-per-second", "1", "ingest.rate-limit.burst", String.valueOf(BURST));
    }
}
