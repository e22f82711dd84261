package news.wire.query.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

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

    @Test
    void neverRetriesSoonerThanTheLastWaitNorOverflows() {
        Duration day = Duration.ofDays(1);
        assertEquals(day, Backoff.next(day, Duration.ofHours(1)));
        Duration longest = Duration.ofMillis(Long.MAX_VALUE);
        assertEquals(longest, Backoff.next(Duration.ofMillis(Long.MAX_VALUE / 2 + 1), longest));
    }
}
