package news.wire.enrich.enrichment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.wire.enrich.dates.DateMention;
import news.wire.enrich.entities.Entity;
import news.wire.enrich.numbers.NumberMention;

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
        List<NumberMention> numbers,
        List<DateMention> dates,
        Enricher enricher,
        Instant enrichedAt) {

    public static final String SCHEMA = "article.enriched/v1";
}
