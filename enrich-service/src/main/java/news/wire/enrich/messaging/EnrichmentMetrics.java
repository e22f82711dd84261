package news.wire.enrich.messaging;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The stream's meters: {@code enrich_articles_total{outcome}}, {@code enrich_article_seconds} and
 * {@code enrich_consumer_lag_records}. Outcomes are counted only once their transaction committed, so a batch
 * redone after an abort is not counted twice.
 */
@ApplicationScoped
public class EnrichmentMetrics {

    private final MeterRegistry registry;
    private final Map<ArticleOutcome, Counter> outcomes = new EnumMap<>(ArticleOutcome.class);
    private final Timer perArticle;

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
                .register(registry);
    }

    Timer perArticle() {
        return perArticle;
    }

    void committed(Map<ArticleOutcome, Integer> tally) {
        tally.forEach((outcome, count) -> outcomes.get(outcome).increment(count));
    }

    /** Records behind the end of articles.raw, summed over the partitions this instance holds. */
    void watchLag(Supplier<Long> lag) {
        Gauge.builder("enrich.consumer.lag", lag, l -> l.get().doubleValue())
                .description("Messages in articles.raw not yet read by this instance's workers")
                .baseUnit("records")
                .strongReference(true)
                .register(registry);
    }
}
