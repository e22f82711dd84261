package news.wire.enrich.enrichment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.enrich.entities.Entity;
import news.wire.enrich.entities.EntityTagger;

/** Turns a raw article into an enriched one; knows nothing of Kafka, so the API and the stream share it. */
@ApplicationScoped
public class ArticleEnricher {

    /** Bumped whenever the output for the same input may change. */
    public static final String VERSION = "0.1.0";

    private final EntityTagger entities;
    private final Clock clock;

    public ArticleEnricher(EntityTagger entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    public EnrichedArticle enrich(RawArticle raw) {
        if (!RawArticle.SCHEMA.equals(raw.schema())) {
            throw new UnsupportedMessageException("Unsupported schema " + raw.schema() + ", expected " + RawArticle.SCHEMA);
        }
        if (raw.id() == null || raw.headline() == null || raw.body() == null || raw.publishedAt() == null) {
            throw new UnsupportedMessageException("Article message lacks id, headline, body or publishedAt");
        }
        List<Entity> tags = entities.tag(raw.headline(), raw.body());
        return new EnrichedArticle(EnrichedArticle.SCHEMA, raw.id(), raw.version(), raw.source(), raw.headline(),
                raw.body(), raw.language(), raw.publishedAt(), raw.receivedAt(), tags, enricher(), Instant.now(clock));
    }

    public Enricher enricher() {
        return new Enricher(VERSION, Map.of("entities", entities.engine()));
    }
}
