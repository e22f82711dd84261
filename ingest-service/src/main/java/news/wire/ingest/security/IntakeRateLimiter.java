package news.wire.ingest.security;

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
import io.quarkus.runtime.Startup;

import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.intake.IntakeMeters;

/**
 * Keeps each contributor to its share of the door: a token bucket per API key (per client address while keys are
 * off), one token per article, refused with how long until the next token.
 */
// Made at start, not at the first request: a limit without a burst stops the service instead of failing intake.
@Startup
@ApplicationScoped
public class IntakeRateLimiter {

    /**
     * Above this many buckets, full ones are dropped: a full bucket is the same as a new one, so forgetting it loses
     * nothing, and clients that came and went (addresses, revoked keys) do not accumulate for the life of the process.
     */
    private static final int PRUNE_ABOVE = 10_000;
    private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long articlesPerSecond;
    private final long burst;
    private final IntakeMeters meters;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastPrune = new AtomicLong();

    @Inject
    public IntakeRateLimiter(IngestConfig config, IntakeMeters meters) {
        this(config.rateLimit().articlesPerSecond(), config.rateLimit().burst(), meters, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a clock of the test's choosing, so refills can be checked without waiting. */
    IntakeRateLimiter(long articlesPerSecond, long burst, IntakeMeters meters, TimeMeter time) {
        if (articlesPerSecond < 0 || (articlesPerSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("ingest.rate-limit needs articles-per-second >= 0 (0: no limit) and a "
                    + "burst of at least 1, not " + articlesPerSecond + " and " + burst);
        }
        this.articlesPerSecond = articlesPerSecond;
        this.burst = burst;
        this.meters = meters;
        this.time = time;
        lastPrune.set(time.currentTimeNanos() - PRUNE_EVERY_NANOS);
    }

    /**
     * Takes tokens for this many articles from the contributor's bucket, or takes none and throws: a request is
     * checked before anything of it is stored, so a refusal leaves no trace but the meter.
     */
    public void take(Contributor contributor, long articles) {
        if (articlesPerSecond == 0) {
            return;
        }
        ConsumptionProbe probe = bucketOf(contributor).tryConsumeAndReturnRemaining(articles);
        if (probe.isConsumed()) {
            return;
        }
        meters.rateLimited(contributor.hasKey() ? contributor.keyId().toString() : IntakeMeters.BY_ADDRESS,
                contributor.hasKey() ? contributor.source() : IntakeMeters.NO_SOURCE);
        long retryAfter = wholeSeconds(probe.getNanosToWaitForRefill());
        throw new RateLimitedException("Over the rate limit of this " + (contributor.hasKey() ? "API key" : "address")
                + " (" + articlesPerSecond + " article/s, burst " + burst + "): send again in " + retryAfter + " s",
                retryAfter);
    }

    /** Rounded up, and at least 1: a client told 0 would come straight back. */
    private static long wholeSeconds(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return Math.max(1, nanos % TimeUnit.SECONDS.toNanos(1) == 0 ? seconds : seconds + 1);
    }

    private Bucket bucketOf(Contributor contributor) {
        String id = contributor.hasKey() ? "key " + contributor.keyId() : "address " + contributor.address();
        Bucket bucket = buckets.get(id);
        if (bucket == null) {
            prune();
            bucket = buckets.computeIfAbsent(id, any -> newBucket());
        }
        return bucket;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(articlesPerSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** At most once a second, and only when there are many buckets: a sweep reads every one. */
    private void prune() {
        long now = time.currentTimeNanos();
        long last = lastPrune.get();
        if (buckets.size() > PRUNE_ABOVE && now - last >= PRUNE_EVERY_NANOS && lastPrune.compareAndSet(last, now)) {
            // A bucket in use between the check and the removal may lose the token it just gave: at most a token
            // or two of leniency, never a refusal.
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= burst);
        }
    }

    /** How many contributors have a bucket: for tests of the pruning. */
    int bucketCount() {
        return buckets.size();
    }
}
