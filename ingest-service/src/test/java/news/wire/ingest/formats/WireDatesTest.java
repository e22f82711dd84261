package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireDatesTest {

    private static final Instant HALF_PAST_EIGHT = Instant.parse("2026-11-20T08:30:00Z");

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-20T08:30:00Z", "2026-11-20T09:30:00+01:00", "2026-11-20T09:30:00+0100", "2026-11-20T08:30Z",
        "2026-11-20T03:30:00-05:00", "2026-11-20T08:30:00.000Z", "20261120T083000Z", "20261120T093000+0100",
        "20261120T0830Z", " 2026-11-20T08:30:00z "})
    void readsIsoExtendedAndNitfBasicForms(String value) {
        assertEquals(HALF_PAST_EIGHT, WireDates.parse(value, "date.issue"));
    }

    @Test
    void keepsFractionsOfASecond() {
        assertEquals(Instant.parse("2026-11-21T06:32:10.250Z"), WireDates.parse("2026-11-21T06:32:10.250Z", "x"));
    }

    @Test
    void absentIsNull() {
        assertNull(WireDates.parse(null, "embargoed"));
        assertNull(WireDates.parse("  ", "embargoed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "yesterday", "2026-11-20", "2026-11-20T08:30:00", "20261120T083000", "2026-13-40T08:30:00Z"})
    void refusesUnreadableOrZonelessDatesNamingTheField(String value) {
        WireFormatException e = assertThrows(WireFormatException.class, () -> WireDates.parse(value, "firstcreated"));

        assertEquals("invalid-date", e.kind());
        assertTrue(e.getMessage().contains("firstcreated"), e.getMessage());
    }
}
