package news.wire.ingest.api;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.wire.ingest.intake.IntakeOutcome;

/**
 * Counts what the door does: {@code ingest.articles} by outcome (created, new_version, withdrawn, duplicate,
 * stale), format and source, and {@code ingest.articles.rejected} by format and problem type. Rejections are not
 * counted by source: before an item is read, its source is only what an unknown client claims.
 */
@ApplicationScoped
public class IntakeMeters {

    private final MeterRegistry registry;

    public IntakeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String format, String source, IntakeOutcome outcome) {
        Counter.builder("ingest.articles")
                .description("Articles taken in by ingest-service, by what became of them")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("format", format)
                .tag("source", source)
                .register(registry)
                .increment();
    }

    void rejected(String format, Problem problem) {
        Counter.builder("ingest.articles.rejected")
                .description("Articles refused by ingest-service, by problem type")
                .tag("format", format)
                .tag("problem", problem.type().substring(problem.type().lastIndexOf(':') + 1))
                .register(registry)
                .increment();
    }

    /** A short, bounded name for the Content-Type: the media type without parameters. */
    static String format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "none";
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return essence.length() > 60 ? "other" : essence;
    }
}
