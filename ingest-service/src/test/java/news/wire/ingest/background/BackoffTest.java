package news.wire.ingest.background;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void doublesPerConsecutiveFailure() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(minute, Backoff.after(minute, 0, HOUR));
        assertEquals(Duration.ofMinutes(2), Backoff.after(minute, 1, HOUR));
        assertEquals(Duration.ofMinutes(4), Backoff.after(minute, 2, HOUR));
        assertEquals(Duration.ofMinutes(32), Backoff.after(minute, 5, HOUR));
    }

    @Test
    void stopsAtTheCeilingHoweverManyFailures() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(HOUR, Backoff.after(minute, 6, HOUR));
        assertEquals(HOUR, Backoff.after(minute, 40, HOUR));
        assertEquals(HOUR, Backoff.after(minute, Integer.MAX_VALUE, HOUR));
    }

    @Test
    void neverRetriesSoonerThanBeforeAnyFailure() {
        Duration daily = Duration.ofDays(1);
        assertEquals(daily, Backoff.after(daily, 3, HOUR));
    }

    @Test
    void eachRetryWaitsTwiceAsLongAsTheLastUpToTheCeiling() {
        Duration wait = Duration.ofMillis(250);
        Duration ceiling = Duration.ofSeconds(1);
        wait = Backoff.next(wait, ceiling);
        assertEquals(Duration.ofMillis(500), wait);
        wait = Backoff.next(wait, ceiling);
        assertEquals(ceiling, wait);
        assertEquals(ceiling, Backoff.next(wait, ceiling));
    }
}
