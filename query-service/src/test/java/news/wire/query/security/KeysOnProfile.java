package news.wire.query.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service as deployed: read keys required on /v1, key administration open to the admin token. */
public class KeysOnProfile implements QuarkusTestProfile {

    public static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("query.auth.enabled", "true", "query.auth.admin-token", ADMIN_TOKEN);
    }
}
