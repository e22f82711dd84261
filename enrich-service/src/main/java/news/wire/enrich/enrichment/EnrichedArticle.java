package news.wire.enrich.enrichment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.wire.enrich.entities.Entity;

/** The {@code article.enriched/v1} message (contract: deploy/schemas/article.enriched.v1.json). */
public record EnrichedArticle(
        String schema,
        UUID id,
        int version,
        String source,
        String headline,
        String body,
        String language,
        Instant publishedAt,
        Instant receivedAt,
        List<Entity> entities,
        Enricher enricher,
        Instant enrichedAt) {

    public static final String SCHEMA = "article.enriched/v1";
}
