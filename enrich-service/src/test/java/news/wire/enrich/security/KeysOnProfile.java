package news.wire.enrich.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service as deployed: read keys required on POST /v1/enrich, key administration open to the admin token. */
public class KeysOnProfile implements QuarkusTestProfile {

    static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("enrich.auth.enabled", "true", "enrich.auth.admin-token", ADMIN_TOKEN);
    }
}
