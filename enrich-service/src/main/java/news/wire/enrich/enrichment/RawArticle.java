package news.wire.enrich.enrichment;

import java.time.Instant;
import java.util.UUID;

/** The {@code article.raw/v1} message enrich-service consumes (contract: deploy/schemas/article.raw.v1.json). */
public record RawArticle(
        String schema,
        UUID id,
        int version,
        String source,
        String headline,
        String body,
        String language,
        Instant publishedAt,
        Instant receivedAt) {

    public static final String SCHEMA = "article.raw/v1";
}
