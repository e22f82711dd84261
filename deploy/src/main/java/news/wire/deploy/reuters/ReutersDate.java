package news.wire.deploy.reuters;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the collection's DATE field, e.g. {@code 26-FEB-1987 15:01:01.79}, as an instant in UTC. */
final class ReutersDate {

    /*
     * Some DATE fields carry a leading space, two spaces before the time, one digit of hundredths, or notes after
     * the time ("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "... # date added by S Finch as guesswork"): only the
     * leading date and time count. One time is garbled ("605:12:19.12"): the day is still worth keeping.
     */
    private static final Pattern DATE_AND_TIME = Pattern.compile(
            "\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{4})(?:\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?(?!\\d))?");

    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private ReutersDate() {
    }

    /**
     * The instant, or empty when the field does not start with a day-month-year. A day without a readable time
     * stands for its midnight (UTC).
     */
    static Optional<Instant> parse(String field) {
        Matcher date = DATE_AND_TIME.matcher(field);
        if (!date.lookingAt()) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.group(1), DAY);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(day.atTime(time(date).orElse(LocalTime.MIDNIGHT)).toInstant(ZoneOffset.UTC));
    }

    private static Optional<LocalTime> time(Matcher date) {
        if (date.group(2) == null) {
            return Optional.empty();
        }
        // ".79" is hundredths of a second, ".7" tenths: pad to milliseconds.
        String fraction = date.group(5) == null ? "000" : (date.group(5) + "00").substring(0, 3);
        try {
            return Optional.of(LocalTime.of(Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)),
                    Integer.parseInt(date.group(4)), Integer.parseInt(fraction) * 1_000_000));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
