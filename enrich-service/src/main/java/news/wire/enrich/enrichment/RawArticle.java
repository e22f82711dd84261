package news.wire.enrich.enrichment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code article.raw/v1} message enrich-service consumes (contract: deploy/schemas/article.raw.v1.json). The
 * provider's byline, version time, subjects and tagged names are null in messages written before ingest carried them.
 */
public record RawArticle(
        String schema,
        UUID id,
        int version,
        String source,
        String headline,
        String body,
        String language,
        Instant publishedAt,
        Instant receivedAt,
        String byline,
        Instant versionCreated,
        List<ProviderSubject> subjects,
        List<String> people,
        List<String> organisations,
        List<String> places) {

    public static final String SCHEMA = "article.raw/v1";
}
