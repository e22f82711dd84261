package news.wire.query.indexing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of time a TIMEX3 date or time value names, as a half-open UTC interval [start, end): a day, an ISO
 * week, a month, a quarter, a half, a season, a year, a decade; a clock time is its minute. Durations, sets and
 * the vague references (PAST_REF, PRESENT_REF, FUTURE_REF) name no stretch of the calendar and give nothing.
 * Times are the local time as written (the enricher applies no zone), read as UTC; a season is the northern
 * meteorological one (spring = March to May), the reading of most English-language wire copy.
 */
public record MentionedPeriod(LocalDateTime start, LocalDateTime end) {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2}).*");
    private static final Pattern PART_OF_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T[A-Z]{2}");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})(-WE)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})X");

    /** The period of a {@code dates[]} entry of type DATE or TIME, or empty when it names none. */
    public static Optional<MentionedPeriod> of(String type, String value) {
        if (value == null || !("DATE".equals(type) || "TIME".equals(type))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(value));
        } catch (DateTimeException | ArithmeticException e) {
            // "2026-02-30" and the like: an extraction slip, not worth failing the article for.
            return Optional.empty();
        }
    }

    private static MentionedPeriod parse(String value) {
        Matcher m;
        if ((m = TIME.matcher(value)).matches()) {
            LocalDateTime minute = LocalDate.parse(m.group(1))
                    .atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return new MentionedPeriod(minute, minute.plusMinutes(1));
        }
        if ((m = PART_OF_DAY.matcher(value)).matches()) {
            return days(LocalDate.parse(m.group(1)), 1);
        }
        if (DAY.matcher(value).matches()) {
            return days(LocalDate.parse(value), 1);
        }
        if ((m = WEEK.matcher(value)).matches()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return m.group(3) == null ? days(monday, 7) : days(monday.plusDays(5), 2);
        }
        if ((m = QUARTER.matcher(value)).matches()) {
            return months(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 3);
        }
        if ((m = HALF.matcher(value)).matches()) {
            return months(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 6 + 1, 6);
        }
        if ((m = SEASON.matcher(value)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return switch (m.group(2)) {
                case "SP" -> months(year, 3, 3);
                case "SU" -> months(year, 6, 3);
                case "FA" -> months(year, 9, 3);
                default -> months(year, 12, 3);
            };
        }
        if ((m = MONTH.matcher(value)).matches()) {
            return months(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
        }
        if (YEAR.matcher(value).matches()) {
            return months(Integer.parseInt(value), 1, 12);
        }
        if ((m = DECADE.matcher(value)).matches()) {
            return months(Integer.parseInt(m.group(1)) * 10, 1, 120);
        }
        return null;
    }

    private static MentionedPeriod days(LocalDate first, int count) {
        return new MentionedPeriod(first.atStartOfDay(), first.plusDays(count).atStartOfDay());
    }

    private static MentionedPeriod months(int year, int firstMonth, int count) {
        LocalDate first = LocalDate.of(year, firstMonth, 1);
        return new MentionedPeriod(first.atStartOfDay(), first.plusMonths(count).atStartOfDay());
    }

    /** Start as an ISO-8601 UTC instant, for a {@code date_range} field. */
    public String startInstant() {
        return start.toInstant(ZoneOffset.UTC).toString();
    }

    /** End (exclusive) as an ISO-8601 UTC instant. */
    public String endInstant() {
        return end.toInstant(ZoneOffset.UTC).toString();
    }
}
