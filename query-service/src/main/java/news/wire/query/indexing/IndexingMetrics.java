package news.wire.query.indexing;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.wire.query.kafka.PartitionLag;

/**
 * The indexer's meters: articles written by outcome, bulk latency and failures, lag per partition, and freshness
 * (publication or receipt to searchable), all under {@code query_*} in Prometheus.
 */
@ApplicationScoped
public class IndexingMetrics {

    /** What became of one record of articles.enriched; the tag of {@code query_indexed_articles_total}. */
    public enum Outcome {
        /** Written at its version. */
        INDEXED,
        /** A withdrawal deleted the article. */
        DELETED,
        /** Elasticsearch already held this version or a newer one (a replay), or the withdrawn article was gone. */
        STALE,
        /** Refused by Elasticsearch for good (a mapping conflict, say) or unreadable: logged and passed over. */
        REJECTED
    }

    /** Why a bulk request did not write everything; the tag of {@code query_index_bulk_failures_total}. */
    public enum BulkFailure {
        /** The request failed as a whole (Elasticsearch down or timing out): the batch is read again. */
        UNAVAILABLE,
        /** Some items were refused with 429 or 5xx: the batch is read again. */
        RETRYABLE_ITEMS,
        /** Some items were refused for good: the rest of the batch stands. */
        REJECTED_ITEMS
    }

    // Freshness spans seconds (live copy) to days (late or replayed copy); explicit buckets keep both readable.
    private static final Duration[] FRESHNESS_BUCKETS = {
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6),
            Duration.ofDays(1)};
    private static final Duration[] BULK_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<BulkFailure, Counter> failures = new EnumMap<>(BulkFailure.class);
    private final Timer bulk;
    private final Timer sincePublished;
    private final Timer sinceReceived;
    private final PartitionLag lag;

    public IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("query.indexed.articles")
                    .description("Records of articles.enriched written to Elasticsearch, by outcome")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry));
        }
        for (BulkFailure failure : BulkFailure.values()) {
            failures.put(failure, Counter.builder("query.index.bulk.failures")
                    .description("Bulk requests that did not write every item, by reason")
                    .tag("reason", failure.name().toLowerCase())
                    .register(registry));
        }
        bulk = Timer.builder("query.index.bulk")
                .description("Time for Elasticsearch to answer one bulk request of the indexer")
                .serviceLevelObjectives(BULK_BUCKETS)
                .register(registry);
        sincePublished = freshness("published", "From the article's publication time to searchable");
        sinceReceived = freshness("received", "From ingest's receipt of the article to searchable");
        lag = new PartitionLag(registry, "query.indexer.lag",
                "Records of articles.enriched not yet written by this instance's indexer, per partition: unread, "
                        + "or read and held in the batch in hand");
    }

    private Timer freshness(String since, String description) {
        return Timer.builder("query.article.freshness")
                .description(description + " (Elasticsearch acknowledged the write; visible at its next refresh)")
                .tag("since", since)
                .serviceLevelObjectives(FRESHNESS_BUCKETS)
                .register(registry);
    }

    /** Counts a batch's outcomes and freshness once its offsets are committed, so a batch read again counts once. */
    void committed(Tally tally) {
        tally.outcomes.forEach((outcome, count) -> outcomes.get(outcome).increment(count));
        tally.searchable.forEach(this::searchable);
    }

    void bulkFailed(BulkFailure failure) {
        failures.get(failure).increment();
    }

    Timer bulk() {
        return bulk;
    }

    private void searchable(JsonNode article, Instant now) {
        record(sincePublished, article.path("publishedAt").asText(null), now);
        record(sinceReceived, article.path("receivedAt").asText(null), now);
    }

    private static void record(Timer timer, String time, Instant now) {
        if (time == null) {
            return;
        }
        try {
            Duration age = Duration.between(Instant.parse(time), now);
            // A publication time ahead of the clock (a sender's skew) says nothing about our delay.
            if (!age.isNegative()) {
                timer.record(age);
            }
        } catch (DateTimeParseException e) {
            // The contract requires RFC 3339 times; a record without one is simply not measured.
        }
    }

    PartitionLag lag() {
        return lag;
    }

    /** What one batch did, held until its offsets are committed. */
    static final class Tally {

        private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        private final Map<JsonNode, Instant> searchable = new IdentityHashMap<>();

        void add(Outcome outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }

        /** The article's write was acknowledged at that moment. */
        void indexed(JsonNode article, Instant acknowledged) {
            add(Outcome.INDEXED);
            searchable.put(article, acknowledged);
        }
    }
}
