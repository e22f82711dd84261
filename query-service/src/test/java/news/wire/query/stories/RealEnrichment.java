package news.wire.query.stories;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import news.wire.enrich.dates.NewsDateExtractor;
import news.wire.enrich.enrichment.ArticleEnricher;
import news.wire.enrich.enrichment.RawArticle;
import news.wire.enrich.entities.CrfEntityTagger;
import news.wire.enrich.languages.LanguageDetection;
import news.wire.enrich.numbers.NewsNumberExtractor;

/** Enriches test copy with enrich-service's own engines, so story tests see the tags the pipeline would produce. */
public final class RealEnrichment {

    private static RealEnrichment instance;

    private final ArticleEnricher enricher = new ArticleEnricher(new LanguageDetection(), new CrfEntityTagger(),
            new NewsNumberExtractor(), new NewsDateExtractor(), Clock.systemUTC());
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One instance per test run: loading the entity model takes seconds. */
    public static synchronized RealEnrichment get() {
        if (instance == null) {
            instance = new RealEnrichment();
        }
        return instance;
    }

    /** The article.enriched/v1 record of a new article (version 1). */
    public ObjectNode enrich(String source, String headline, String body, Instant publishedAt) {
        return enrich(UUID.randomUUID(), 1, source, headline, body, publishedAt);
    }

    public ObjectNode enrich(UUID id, int version, String source, String headline, String body, Instant publishedAt) {
        RawArticle raw = new RawArticle(RawArticle.SCHEMA, id, version, source, headline, body, "en", publishedAt,
                publishedAt, null, null, null, null, null, null);
        return json.valueToTree(enricher.enrich(raw));
    }
}
