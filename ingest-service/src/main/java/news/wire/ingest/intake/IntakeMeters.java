package news.wire.ingest.intake;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the door does: {@code ingest.articles} by outcome (created, new_version, withdrawn, duplicate,
 * stale), format and source, and {@code ingest.articles.rejected} by format and problem. Rejections are not
 * counted by source: before an item is read, its source is only what an unknown client claims. Feed entries count
 * under the format {@code feed/<feed format>}.
 */
@ApplicationScoped
public class IntakeMeters {

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
