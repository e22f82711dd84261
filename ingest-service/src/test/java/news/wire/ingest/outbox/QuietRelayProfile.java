package news.wire.ingest.outbox;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The instance's own relay only runs when an intake commit wakes it, never on its poll, so rows a test writes
 * straight into the outbox are left to the relays the test runs itself.
 */
public class QuietRelayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.outbox.poll-interval", "1h");
    }
}
