package news.wire.ingest.formats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Wire timestamps: ISO 8601 extended ({@code 2026-11-20T08:30:00Z}, {@code +01:00} or {@code +0100}) and the
 * basic form NITF uses ({@code 20261120T083000Z}). A time without an offset is refused: guessing the zone of a
 * wire timestamp would silently shift embargoes by hours.
 */
final class WireDates {

    private static final DateTimeFormatter EXTENDED = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private static final DateTimeFormatter BASIC = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuuMMdd'T'HHmm[ss][.SSS]")
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private WireDates() {
    }

    /** The instant, or null when the value is absent; an unreadable value fails naming the field. */
    static Instant parse(String value, String field) {
        String text = CleanText.inline(value);
        if (text == null) {
            return null;
        }
        DateTimeFormatter format = text.length() > 8 && text.charAt(4) == '-' ? EXTENDED : BASIC;
        try {
            return OffsetDateTime.parse(text, format).toInstant();
        } catch (DateTimeParseException e) {
            throw new WireFormatException("invalid-date",
                    field + " is not an ISO 8601 date-time with a UTC offset: \"" + text + "\"", e);
        }
    }
}
