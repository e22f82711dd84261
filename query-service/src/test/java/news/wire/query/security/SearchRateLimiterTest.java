package news.wire.query.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The search buckets on a clock the test moves: burst, refill, Retry-After, who shares a bucket, what is counted. */
class SearchRateLimiterTest {

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

    private double refusals(String key) {
        var counter = registry.find("query.rate.limited").tag("key", key).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aKeySearchesItsBurstThenWaitsForTheNextTokenWithRetryAfterInWholeSeconds() {
        SearchRateLimiter limiter = new SearchRateLimiter(4, 3, registry, clock);
        Reader desk = Reader.ofKey(UUID.randomUUID(), "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            limiter.take(desk);
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limiter.take(desk));
        // A quarter of a second to the next token at 4 a second: rounded up, never to 0.
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(1.0, refusals(desk.keyId().toString()));

        // Another key from the same address has its own bucket.
        assertDoesNotThrow(() -> limiter.take(Reader.ofKey(UUID.randomUUID(), "10.0.0.1")));

        clock.advance(250);
        assertDoesNotThrow(() -> limiter.take(desk));
        assertThrows(RateLimitedException.class, () -> limiter.take(desk));
    }

    @Test
    void withoutKeysEachAddressHasABucketAndAllShareOneSeries() {
        SearchRateLimiter limiter = new SearchRateLimiter(1, 1, registry, clock);
        limiter.take(Reader.ofAddress("10.0.0.1"));
        assertThrows(RateLimitedException.class, () -> limiter.take(Reader.ofAddress("10.0.0.1")));
        assertDoesNotThrow(() -> limiter.take(Reader.ofAddress("10.0.0.2")));
        assertThrows(RateLimitedException.class, () -> limiter.take(Reader.ofAddress("10.0.0.2")));
        assertEquals(2.0, refusals(SearchRateLimiter.BY_ADDRESS));
    }

    @Test
    void zeroSwitchesTheLimitOffAndABurstBelowOneIsRefusedAtStart() {
        SearchRateLimiter off = new SearchRateLimiter(0, 0, registry, clock);
        Reader desk = Reader.ofKey(UUID.randomUUID(), "10.0.0.1");
        for (int i = 0; i < 10_000; i++) {
            off.take(desk);
        }
        assertThrows(IllegalArgumentException.class, () -> new SearchRateLimiter(10, 0, registry, clock));
        assertThrows(IllegalArgumentException.class, () -> new SearchRateLimiter(-1, 5, registry, clock));
        // The refusal series exists from the start, at zero, for the alert to tell quiet from missing.
        assertEquals(0.0, registry.find("query.rate.limited").tag("key", SearchRateLimiter.BY_ADDRESS).counter().count());
    }
}
