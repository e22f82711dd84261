package news.wire.ingest.intake;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts what the door does: {@code ingest.articles} by outcome (created, new_version, withdrawn, duplicate,
 * stale), format and source, {@code ingest.articles.rejected} by format and problem, and {@code ingest.rate.limited}
 * by API key. Rejections are not counted by source: before an item is read, its source is only what an unknown
 * client claims. Feed entries count under the format {@code feed/<feed format>}.
 */
@ApplicationScoped
public class IntakeMeters {

    /** The rate limit meter's key for clients known only by address: one series however many addresses call. */
    public static final String BY_ADDRESS = "by-address";
    /** The rate limit meter's source for clients without a key, whose source is only what their items claim. */
    public static final String NO_SOURCE = "none";

    private final MeterRegistry registry;

    public IntakeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String format, String source, IntakeOutcome outcome) {
        Counter.builder("ingest.articles")
                .description("Articles taken in by ingest-service, by what became of them")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("format", format)
                .tag("source", source)
                .register(registry)
                .increment();
    }

    /** Counts a refused item; the problem is a short, bounded name such as the last part of a problem type. */
    public void rejected(String format, String problem) {
        Counter.builder("ingest.articles.rejected")
                .description("Articles refused by ingest-service, by problem type")
                .tag("format", format)
                .tag("problem", problem)
                .register(registry)
                .increment();
    }

    /**
     * Counts a request refused (whole, or from one batch line on) for going over its rate limit. The key is the API
     * key's id, never its secret, with the source it speaks for; keys are few, and clients without one share the key
     * {@code by-address}, so the series stay few.
     */
    public void rateLimited(String key, String source) {
        rateLimitedCounter(key, source).increment();
    }

    /**
     * Registers the rate limit counter at start, so it is exported (at zero) before the first refusal and an alert
     * on it can tell a quiet door from a missing metric.
     */
    void registerAtStart(@Observes StartupEvent event) {
        rateLimitedCounter(BY_ADDRESS, NO_SOURCE);
    }

    private Counter rateLimitedCounter(String key, String source) {
        return Counter.builder("ingest.rate.limited")
                .description("Requests refused by ingest-service for going over their API key's rate limit")
                .tag("key", key)
                .tag("source", source)
                .register(registry);
    }

    /** A short, bounded name for the Content-Type: the media type without parameters. */
    public static String format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "none";
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return essence.length() > 60 ? "other" : essence;
    }
}
