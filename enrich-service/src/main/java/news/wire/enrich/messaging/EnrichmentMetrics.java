package news.wire.enrich.messaging;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.wire.enrich.enrichment.EngineMeters;

/**
 * The stream's meters: {@code enrich_articles_total{outcome}}, {@code enrich_article_seconds} and
 * {@code enrich_consumer_lag_records{topic,partition}}. Outcomes are counted only once their transaction
 * committed, so a batch redone after an abort is not counted twice.
 */
@ApplicationScoped
public class EnrichmentMetrics {

    private final MeterRegistry registry;
    private final Map<ArticleOutcome, Counter> outcomes = new EnumMap<>(ArticleOutcome.class);
    private final Timer perArticle;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();

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
    }

    Timer perArticle() {
        return perArticle;
    }

    void committed(Map<ArticleOutcome, Integer> tally) {
        tally.forEach((outcome, count) -> outcomes.get(outcome).increment(count));
    }

    /**
     * Sets the partition's lag as its worker last saw it. Each partition gets its own gauge on first sight; one
     * that this instance no longer holds reads 0 here, since its new owner reports it.
     */
    void lag(TopicPartition partition, long records) {
        if (lag.put(partition, records) == null) {
            Gauge.builder("enrich.consumer.lag", lag, l -> l.getOrDefault(partition, 0L))
                    .description("Messages in articles.raw not yet read by this instance's workers, per partition")
                    .baseUnit("records")
                    .tag("topic", partition.topic())
                    .tag("partition", Integer.toString(partition.partition()))
                    .register(registry);
        }
    }

    /** The partition left this instance's worker: its lag is its new owner's to report. */
    void released(TopicPartition partition) {
        lag.replace(partition, 0L);
    }
}
