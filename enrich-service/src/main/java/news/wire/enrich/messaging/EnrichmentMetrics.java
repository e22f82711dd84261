package news.wire.enrich.messaging;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.wire.enrich.enrichment.EngineMeters;
import news.wire.enrich.kafka.PartitionLag;

/**
 * The stream's meters: {@code enrich_articles_total{outcome}}, {@code enrich_articles_untagged_total{language}},
 * {@code enrich_article_seconds} and {@code enrich_consumer_lag_records{topic,partition}}. Outcomes are counted only once their transaction
 * committed, so a batch redone after an abort is not counted twice.
 */
@ApplicationScoped
public class EnrichmentMetrics {

    private final Map<ArticleOutcome, Counter> outcomes = new EnumMap<>(ArticleOutcome.class);
    private final Map<String, Counter> untagged = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Timer perArticle;
    private final PartitionLag lag;

    public EnrichmentMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ArticleOutcome outcome : ArticleOutcome.values()) {
            outcomes.put(outcome, Counter.builder("enrich.articles")
                    .description("Messages from articles.raw whose result was committed, by outcome")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
        perArticle = Timer.builder("enrich.article")
                .description("Time to turn one raw message into its output record (every attempt)")
                .serviceLevelObjectives(EngineMeters.LATENCY_BUCKETS)
                .register(registry);
        lag = new PartitionLag(registry, "enrich.consumer.lag",
                "Messages in articles.raw not yet read by this instance's workers, per partition");
    }

    Timer perArticle() {
        return perArticle;
    }

    void committed(Map<ArticleOutcome, Integer> tally, Map<String, Integer> untaggedByLanguage) {
        tally.forEach((outcome, count) -> outcomes.get(outcome).increment(count));
        untaggedByLanguage.forEach((language, count) -> untagged.computeIfAbsent(language, this::untaggedCounter)
                .increment(count));
    }

    private Counter untaggedCounter(String language) {
        return Counter.builder("enrich.articles.untagged")
                .description("Enriched articles passed on without tags because they are not in English, by language")
                .tag("language", language)
                .register(registry);
    }

    PartitionLag lag() {
        return lag;
    }
}
