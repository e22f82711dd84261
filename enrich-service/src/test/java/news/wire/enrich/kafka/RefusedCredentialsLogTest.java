package news.wire.enrich.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

class RefusedCredentialsLogTest {

    @Test
    void theFirstRefusalPassesAndItsRepeatsFromAnyClientDoNot() {
        RefusedCredentialsLog filter = new RefusedCredentialsLog();
        LogRecord networkClient = record("Connection to node {} ({}) failed authentication due to: {}");
        LogRecord adminClient = record("Fatal error during metadata update");
        adminClient.setThrown(new SaslAuthenticationException("invalid credentials"));
        LogRecord worker = record("new Kafka clients in 10000 ms after: {}");
        worker.setParameters(new Object[] {new ExecutionException(new SaslAuthenticationException("invalid credentials"))});

        assertTrue(filter.isLoggable(networkClient));
        assertFalse(filter.isLoggable(adminClient));
        assertFalse(filter.isLoggable(worker));
        assertFalse(filter.isLoggable(record("Connection to node -1 failed authentication due to: bad password")));
    }

    @Test
    void otherLinesAlwaysPass() {
        RefusedCredentialsLog filter = new RefusedCredentialsLog();
        filter.isLoggable(record("Connection to node -1 failed authentication due to: bad password"));
        assertTrue(filter.isLoggable(record("Connection to node -1 could not be established. Node may not be available.")));
        LogRecord timeout = record("batch failed");
        timeout.setThrown(new ExecutionException(new IllegalStateException("timed out")));
        assertTrue(filter.isLoggable(timeout));
    }

    private static LogRecord record(String message) {
        return new LogRecord(Level.WARNING, message);
    }
}
