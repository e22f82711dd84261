package news.wire.query.watches;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The meters of watches, under {@code query_watch_*}: matches announced by kind (rate: matches a second), the time
 * matching takes per indexed batch (beside {@code query_index_bulk}, the cost watches add to indexing), webhook calls
 * acknowledged and their latency from match to acknowledgement, and per watch with a webhook its failures, pending
 * matches and whether it is paused.
 */
@ApplicationScoped
@Startup // its zero series must exist before any watch does
public class WatchMetrics {

    /** The watch label of the series exported before any watch has a webhook. */
    static final String NO_WATCH = "none";

    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)};

    private static final Duration[] MATCHING_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5)};

    private static final String CHECKS =
            "Watches checked against a batch: asked of Elasticsearch, decided in Java by their verdict, or set aside by their gate";

    private final MeterRegistry registry;
    private final Map<String, Counter> byKind;
    private final Timer latency;
    private final Timer matching;
    private final Map<MatchingPart, Timer> parts = new EnumMap<>(MatchingPart.class);
    private final Counter asked;
    private final Counter decided;
    private final Counter screenedOut;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> paused = new ConcurrentHashMap<>();

    public WatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Exported at 0 from the start, so a rate exists before the first match.
        byKind = Map.of(
                WatchMatch.MATCHED, counter(registry, WatchMatch.MATCHED),
                WatchMatch.UPDATED, counter(registry, WatchMatch.UPDATED),
                WatchMatch.WITHDRAWN, counter(registry, WatchMatch.WITHDRAWN));
        latency = Timer.builder("query.watch.webhook.latency")
                .description("From a match being written to its webhook's receiver acknowledging it")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        matching = Timer.builder("query.watch.matching")
                .description("From a batch written to its matches written: refresh, the watches' searches, the write")
                .serviceLevelObjectives(MATCHING_BUCKETS).register(registry);
        for (MatchingPart part : MatchingPart.values()) {
            parts.put(part, Timer.builder("query.watch.matching.part").tag("part", part.label)
                    .description("One part of a batch's matching: " + part.description)
                    .serviceLevelObjectives(MATCHING_BUCKETS).register(registry));
        }
        asked = Counter.builder("query.watch.checks").tag("outcome", "asked")
                .description(CHECKS)
                .register(registry);
        decided = Counter.builder("query.watch.checks").tag("outcome", "decided")
                .description(CHECKS)
                .register(registry);
        screenedOut = Counter.builder("query.watch.checks").tag("outcome", "screened")
                .description(CHECKS)
                .register(registry);
        // Per-watch series exist once a watch has a webhook; one at zero from the start, as the search rate limit's
        // by-address series, lets the alert on them tell "no failures" from a metric that is not there.
        failures(NO_WATCH);
        webhookState(NO_WATCH, 0, false);
    }


    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("query.watch.matches").tag("kind", kind)
                .description("Matches announced to watches: first matches, updates, withdrawals")
                .register(registry);
    }

    /** Counts matches written for the first time. */
    void announced(List<WatchMatch> written) {
        written.forEach(m -> byKind.get(m.kind()).increment());
    }

    /** Records the matching of one batch, from the start of its refresh to its matches written. */
    void matched(Duration took) {
        matching.record(took);
    }

    /** Counts the watches asked of one batch, and those decided without asking, out of all there were. */
    void screened(int askedWatches, int decidedWatches, int allWatches) {
        asked.increment(askedWatches);
        decided.increment(decidedWatches);
        screenedOut.increment(allWatches - askedWatches - decidedWatches);
    }

    /** Records one part of a batch's matching, so the costliest part can be told from the total. */
    void matchingPart(MatchingPart part, long nanos) {
        parts.get(part).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The parts of a batch's matching, timed apart. */
    enum MatchingPart {
        SCREEN("screen", "the batch's words analysed and the watches that cannot match it set aside"),
        COPY("copy", "the batch written to the working copy and refreshed"),
        SEARCH("search", "the watches' searches over the working copy"),
        LOG("log", "the earlier matches of the batch's articles read, the new ones written and refreshed");

        final String label;
        final String description;

        MatchingPart(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    void delivered(Duration sinceMatched) {
        latency.record(sinceMatched.isNegative() ? Duration.ZERO : sinceMatched);
    }

    void failed(String watchId) {
        failures(watchId).increment();
    }

    private Counter failures(String watchId) {
        return Counter.builder("query.watch.webhook.failures").tag("watch", watchId)
                .description("Webhook calls not acknowledged with a 2xx").register(registry);
    }

    void webhookState(String watchId, long pendingMatches, boolean isPaused) {
        gauge(pending, "query.watch.webhook.pending", "Matches not yet acknowledged by the webhook", watchId)
                .set(pendingMatches);
        gauge(paused, "query.watch.webhook.paused", "1 while the webhook is paused after repeated failures", watchId)
                .set(isPaused ? 1 : 0);
    }

    /**
     * Drops the series of watches that no longer have a webhook (deleted, or saved without one): a watch id is a
     * label value without end, and each watch ever given a webhook otherwise stayed in the registry, in every
     * dashboard read and in Prometheus for the life of the process.
     */
    void keepWebhooksOf(Set<String> watchIds) {
        pending.keySet().removeIf(id -> gone(id, watchIds));
        paused.keySet().removeIf(id -> gone(id, watchIds));
        for (Meter meter : List.copyOf(registry.getMeters())) {
            String watch = meter.getId().getTag("watch");
            if (meter.getId().getName().startsWith("query.watch.webhook.") && watch != null && gone(watch, watchIds)) {
                registry.remove(meter);
            }
        }
    }

    private static boolean gone(String watchId, Set<String> kept) {
        return !NO_WATCH.equals(watchId) && !kept.contains(watchId);
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String watchId) {
        return values.computeIfAbsent(watchId, id -> {
            AtomicLong value = new AtomicLong();
            io.micrometer.core.instrument.Gauge.builder(name, value, AtomicLong::get).tags(Tags.of("watch", id))
                    .description(description).register(registry);
            return value;
        });
    }
}
