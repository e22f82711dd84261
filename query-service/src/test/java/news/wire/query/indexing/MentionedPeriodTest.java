package news.wire.query.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MentionedPeriodTest {

    private static String range(String type, String value) {
        return MentionedPeriod.of(type, value).map(p -> p.startInstant() + "/" + p.endInstant()).orElse("none");
    }

    @Test
    void dayIsThatDay() {
        assertEquals("2026-11-16T00:00:00Z/2026-11-17T00:00:00Z", range("DATE", "2026-11-16"));
    }

    @Test
    void isoWeekRunsMondayToSunday() {
        assertEquals("2026-11-16T00:00:00Z/2026-11-23T00:00:00Z", range("DATE", "2026-W47"));
        assertEquals("2026-11-21T00:00:00Z/2026-11-23T00:00:00Z", range("DATE", "2026-W47-WE"));
        // Week 1 of 2026 starts in 2025.
        assertEquals("2025-12-29T00:00:00Z/2026-01-05T00:00:00Z", range("DATE", "2026-W01"));
    }

    @Test
    void monthQuarterHalfYearDecade() {
        assertEquals("2026-11-01T00:00:00Z/2026-12-01T00:00:00Z", range("DATE", "2026-11"));
        assertEquals("2026-07-01T00:00:00Z/2026-10-01T00:00:00Z", range("DATE", "2026-Q3"));
        assertEquals("2026-07-01T00:00:00Z/2027-01-01T00:00:00Z", range("DATE", "2026-H2"));
        assertEquals("2026-01-01T00:00:00Z/2027-01-01T00:00:00Z", range("DATE", "2026"));
        assertEquals("2020-01-01T00:00:00Z/2030-01-01T00:00:00Z", range("DATE", "202X"));
    }

    @Test
    void seasonsAreNorthernMeteorological() {
        assertEquals("2026-03-01T00:00:00Z/2026-06-01T00:00:00Z", range("DATE", "2026-SP"));
        assertEquals("2026-12-01T00:00:00Z/2027-03-01T00:00:00Z", range("DATE", "2026-WI"));
    }

    @Test
    void clockTimeIsItsMinuteAndPartOfDayItsDay() {
        assertEquals("2026-11-16T15:30:00Z/2026-11-16T15:31:00Z", range("TIME", "2026-11-16T15:30"));
        assertEquals("2026-11-16T00:00:00Z/2026-11-17T00:00:00Z", range("TIME", "2026-11-16TMO"));
    }

    @Test
    void durationsSetsReferencesAndSlipsNameNoPeriod() {
        assertEquals("none", range("DURATION", "P6M"));
        assertEquals("none", range("SET", "XXXX-WXX-1"));
        assertEquals("none", range("DATE", "PAST_REF"));
        assertEquals("none", range("DATE", "2026-02-30"));
        assertEquals("none", range("DATE", "2026-W60"));
        assertTrue(MentionedPeriod.of("DATE", null).isEmpty());
    }
}
