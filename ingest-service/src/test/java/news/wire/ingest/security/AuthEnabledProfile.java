package news.wire.ingest.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service as deployed: API keys required, key administration open to the admin token. */
public class AuthEnabledProfile implements QuarkusTestProfile {

    static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.auth.enabled", "true", "ingest.auth.admin-token", ADMIN_TOKEN);
    }
}
