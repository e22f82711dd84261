package news.wire.ingest.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import news.wire.ingest.intake.IntakeMeters;

/** The buckets on a clock the test moves: bursts, refills, Retry-After, who shares a bucket, and forgetting idle ones. */
class IntakeRateLimiterTest {

    /** A clock that stands still until the test moves it. */
    private static final class DeskClock implements TimeMeter {
        private long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(long millis) {
            nanos += TimeUnit.MILLISECONDS.toNanos(millis);
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeskClock clock = new DeskClock();

    private IntakeRateLimiter limiter(long perSecond, long burst) {
        return new IntakeRateLimiter(perSecond, burst, new IntakeMeters(registry), clock);
    }

    private double refusals(String key, String source) {
        var counter = registry.find("ingest.rate.limited").tag("key", key).tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aKeyMaySendItsBurstThenWaitsForTheNextTokenWithRetryAfterInWholeSeconds() {
        IntakeRateLimiter limiter = limiter(2, 3);
        Contributor desk = Contributor.ofKey(UUID.randomUUID(), "Harbour Wire", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            limiter.take(desk, 1);
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limiter.take(desk, 1));
        // Half a second to the next token at 2 a second: Retry-After rounds up, never to 0.
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals("Over the rate limit of this API key (2 article/s, burst 3): send again in 1 s",
                refused.getMessage());
        clock.advance(500);
        assertDoesNotThrow(() -> limiter.take(desk, 1));
        assertThrows(RateLimitedException.class, () -> limiter.take(desk, 1));
    }

    @Test
    void retryAfterCoversTheWholeWaitAtSlowRates() {
        IntakeRateLimiter limiter = limiter(1, 1);
        Contributor desk = Contributor.ofKey(UUID.randomUUID(), "Slow Wire", "10.0.0.1");
        limiter.take(desk, 1);
        clock.advance(100);
        assertEquals(1, assertThrows(RateLimitedException.class, () -> limiter.take(desk, 1)).retryAfterSeconds());
        clock.advance(850);
        // 0.05 s to go is still a whole second to the client.
        assertEquals(1, assertThrows(RateLimitedException.class, () -> limiter.take(desk, 1)).retryAfterSeconds());
        // Two tokens from an empty bucket at 1 a second: 2 s.
        IntakeRateLimiter pair = new IntakeRateLimiter(1, 2, new IntakeMeters(registry), clock);
        pair.take(desk, 2);
        assertEquals(2, assertThrows(RateLimitedException.class, () -> pair.take(desk, 2)).retryAfterSeconds());
    }

    @Test
    void eachKeyHasItsOwnBucketAndRefusalsAreCountedByKeyIdAndSource() {
        IntakeRateLimiter limiter = limiter(1, 2);
        UUID floodId = UUID.randomUUID();
        Contributor flood = Contributor.ofKey(floodId, "Flood Wire", "10.0.0.1");
        Contributor calm = Contributor.ofKey(UUID.randomUUID(), "Calm Wire", "10.0.0.1");
        limiter.take(flood, 2);
        assertThrows(RateLimitedException.class, () -> limiter.take(flood, 1));
        assertThrows(RateLimitedException.class, () -> limiter.take(flood, 1));
        // Same address, another key: untouched.
        assertDoesNotThrow(() -> limiter.take(calm, 2));
        assertEquals(2, refusals(floodId.toString(), "Flood Wire"));
        assertEquals(0, refusals(IntakeMeters.BY_ADDRESS, IntakeMeters.NO_SOURCE));
    }

    @Test
    void withoutKeysEachAddressHasABucketAndAllShareOneMeterSeries() {
        IntakeRateLimiter limiter = limiter(1, 1);
        Contributor first = Contributor.ofAddress("192.0.2.1");
        limiter.take(first, 1);
        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> limiter.take(Contributor.ofAddress("192.0.2.1"), 1));
        assertTrue(refused.getMessage().startsWith("Over the rate limit of this address"), refused.getMessage());
        assertDoesNotThrow(() -> limiter.take(Contributor.ofAddress("192.0.2.2"), 1));
        assertThrows(RateLimitedException.class, () -> limiter.take(Contributor.ofAddress("192.0.2.2"), 1));
        assertEquals(2, refusals(IntakeMeters.BY_ADDRESS, IntakeMeters.NO_SOURCE));
        assertEquals(1, registry.find("ingest.rate.limited").counters().size(), "one series for every address");
    }

    @Test
    void rateZeroSwitchesTheLimitOff() {
        IntakeRateLimiter limiter = limiter(0, 0);
        Contributor desk = Contributor.ofAddress("192.0.2.9");
        for (int i = 0; i < 100_000; i++) {
            limiter.take(desk, 1);
        }
        assertEquals(0, limiter.bucketCount());
    }

    @Test
    void aLimitWithoutABurstIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> limiter(10, 0));
        assertThrows(IllegalArgumentException.class, () -> limiter(-1, 10));
    }

    @Test
    void fullBucketsAreForgottenOnceThereAreMany() {
        IntakeRateLimiter limiter = limiter(100, 100);
        for (int i = 0; i < 10_050; i++) {
            limiter.take(Contributor.ofAddress("address-" + i), 1);
        }
        Contributor busy = Contributor.ofAddress("busy");
        limiter.take(busy, 100);
        assertTrue(limiter.bucketCount() > 10_000, "nothing pruned before the buckets refill");
        clock.advance(1_000);
        // A second later every bucket is full again, as good as new: the next newcomer's arrival clears them.
        limiter.take(Contributor.ofAddress("newcomer"), 1);
        assertEquals(1, limiter.bucketCount(), "only the newcomer's bucket is left");
    }
}
