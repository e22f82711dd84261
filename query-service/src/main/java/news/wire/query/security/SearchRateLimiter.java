package news.wire.query.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import news.wire.query.config.QueryConfig;

/**
 * Keeps each reader to its share of search: a token bucket per API key (per client address while keys are off), one
 * token per request, refused with how long until the next token. The same scheme as ingest's intake limit.
 */
// Made at start, not at the first request: a limit without a burst stops the service instead of failing a search.
@Startup
@ApplicationScoped
public class SearchRateLimiter {

    /** The meter's key for clients known only by address: one series however many addresses call. */
    public static final String BY_ADDRESS = "by-address";
    /** Above this many buckets, full ones are dropped: a full bucket is the same as a new one. */
    private static final int PRUNE_ABOVE = 10_000;
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long requestsPerSecond;
    private final long burst;
    private final MeterRegistry registry;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastPrune = new AtomicLong();

    @Inject
    public SearchRateLimiter(QueryConfig config, MeterRegistry registry) {
        this(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), registry, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a clock of the test's choosing, so refills can be checked without waiting. */
    SearchRateLimiter(long requestsPerSecond, long burst, MeterRegistry registry, TimeMeter time) {
        if (requestsPerSecond < 0 || (requestsPerSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("query.rate-limit needs requests-per-second >= 0 (0: no limit) and a "
                    + "burst of at least 1, not " + requestsPerSecond + " and " + burst);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.registry = registry;
        this.time = time;
        lastPrune.set(time.currentTimeNanos() - PRUNE_EVERY_NANOS);
        // Exported at zero from the start, so an alert on it can tell a quiet API from a missing metric.
        refusals(BY_ADDRESS);
    }

    /** Takes a token from the reader's bucket, or throws with the whole seconds until the next one. */
    public void take(Reader reader) {
        if (requestsPerSecond == 0) {
            return;
        }
        ConsumptionProbe probe = bucketOf(reader).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return;
        }
        refusals(reader.hasKey() ? reader.keyId().toString() : BY_ADDRESS).increment();
        long retryAfter = wholeSeconds(probe.getNanosToWaitForRefill());
        throw new RateLimitedException("Over the rate limit of this " + (reader.hasKey() ? "API key" : "address")
                + " (" + requestsPerSecond + " request/s, burst " + burst + "): ask again in " + retryAfter + " s",
                retryAfter);
    }

    /**
     * Requests refused for going over the limit, by key id (never its secret); keys are few, and clients without one
     * share {@code by-address}, so the series stay few.
     */
    private Counter refusals(String key) {
        return Counter.builder("query.rate.limited")
                .description("Requests refused by query-service for going over their API key's rate limit")
                .tag("key", key)
                .register(registry);
    }

    /** Rounded up, and at least 1: a client told 0 would come straight back. */
    private static long wholeSeconds(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return Math.max(1, nanos % TimeUnit.SECONDS.toNanos(1) == 0 ? seconds : seconds + 1);
    }

    private Bucket bucketOf(Reader reader) {
        String id = reader.hasKey() ? "key " + reader.keyId() : "address " + reader.address();
        Bucket bucket = buckets.get(id);
        if (bucket == null) {
            prune();
            bucket = buckets.computeIfAbsent(id, any -> newBucket());
        }
        return bucket;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** At most once a second, and only when there are many buckets: a sweep reads every one. */
    private void prune() {
        long now = time.currentTimeNanos();
        long last = lastPrune.get();
        if (buckets.size() > PRUNE_ABOVE && now - last >= PRUNE_EVERY_NANOS && lastPrune.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= burst);
        }
    }
}
