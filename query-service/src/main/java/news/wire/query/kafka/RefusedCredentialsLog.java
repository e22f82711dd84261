package news.wire.query.kafka;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps one line of a refused Kafka login in the log: every client retries on its own, each retry logging the same
 * refusal, so wrong credentials would bury the log. The first refusal passes, then one every ten minutes while they
 * last; readiness stays down with the reason meanwhile.
 */
@LoggingFilter(name = "kafka-refused-credentials")
public final class RefusedCredentialsLog implements Filter {

    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final AtomicLong nextPass = new AtomicLong(System.nanoTime());

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!isRefusal(record)) {
            return true;
        }
        long now = System.nanoTime();
        long next = nextPass.get();
        return now - next >= 0 && nextPass.compareAndSet(next, now + QUIET_NANOS);
    }

    /**
     * Kafka's clients say it in the message, a parameter or the exception, depending on who logs; health reports
     * that quote the refusal on every readiness probe are held back with them. Checked piece by piece, so a line
     * that mentions it early is not formatted any further.
     */
    static boolean isRefusal(LogRecord record) {
        if (mentionsRefusal(record.getMessage())) {
            return true;
        }
        for (Object parameter : record.getParameters() == null ? new Object[0] : record.getParameters()) {
            if (parameter != null && mentionsRefusal(parameter.toString())) {
                return true;
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (mentionsRefusal(t.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsRefusal(String text) {
        return text != null && (text.contains("failed authentication") || text.contains("AuthenticationException"));
    }
}
