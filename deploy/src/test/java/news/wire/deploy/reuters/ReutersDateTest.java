package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReutersDateTest {

    @Test
    void readsDayTimeAndHundredthsAsUtc() {
        assertEquals(Optional.of(Instant.parse("1987-02-26T15:01:01.790Z")), ReutersDate.parse("26-FEB-1987 15:01:01.79"));
        assertEquals(Optional.of(Instant.parse("1987-04-07T16:22:00.700Z")), ReutersDate.parse(" 7-APR-1987 16:22:00.7"));
        assertEquals(Optional.of(Instant.parse("1987-03-03T09:15:05.400Z")), ReutersDate.parse("3-Mar-1987  09:15:05.40"));
    }

    @Test
    void ignoresWhatFollowsTheTime() {
        assertEquals(Optional.of(Instant.parse("1987-03-27T00:02:59.130Z")),
                ReutersDate.parse("27-MAR-1987 00:02:59.13\u0005\u0005\u0005RM"));
        assertEquals(Optional.of(Instant.parse("1987-04-09T00:00:00Z")),
                ReutersDate.parse("9-APR-1987 00:00:00.00    # a note"));
    }

    @Test
    void keepsTheDayWhenTheTimeIsGarbled() {
        assertEquals(Optional.of(Instant.parse("1987-03-31T00:00:00Z")), ReutersDate.parse("31-MAR-1987 605:12:19.12"));
        assertEquals(Optional.of(Instant.parse("1987-03-31T00:00:00Z")), ReutersDate.parse("31-MAR-1987 25:12:19.12"));
    }

    @Test
    void refusesWhatIsNotADate() {
        assertEquals(Optional.empty(), ReutersDate.parse(""));
        assertEquals(Optional.empty(), ReutersDate.parse("MARCH 1987"));
        assertEquals(Optional.empty(), ReutersDate.parse("31-FOO-1987 10:00:00.00"));
        assertEquals(Optional.empty(), ReutersDate.parse("30-FEB-1987 10:00:00.00"));
    }
}
