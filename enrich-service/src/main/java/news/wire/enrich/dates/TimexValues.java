package news.wire.enrich.dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/** The TIMEX3 spelling of calendar points at each granularity: 2024-10-09, 2024-10, 2024-W41, 2024-Q3, 2024-SU. */
final class TimexValues {

    private TimexValues() {
    }

    static String day(LocalDate date) {
        return date.toString();
    }

    static String month(LocalDate date) {
        return year(date.getYear()) + String.format("-%02d", date.getMonthValue());
    }

    static String year(int year) {
        return String.format("%04d", year);
    }

    static String week(LocalDate date) {
        return String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String quarter(LocalDate date) {
        return year(date.getYear()) + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
    }

    static String minute(LocalDateTime time) {
        return String.format("%sT%02d:%02d", time.toLocalDate(), time.getHour(), time.getMinute());
    }

    /** The unit-sized period containing {@code date}, written at that unit's granularity. */
    static String at(LocalDate date, PeriodUnit unit) {
        return switch (unit) {
            case DAY -> day(date);
            case WEEK, FORTNIGHT -> week(date);
            case MONTH -> month(date);
            case QUARTER -> quarter(date);
            case DECADE -> Integer.toString(date.getYear() / 10);
            case CENTURY -> Integer.toString(date.getYear() / 100);
            case MILLENNIUM -> Integer.toString(date.getYear() / 1000);
            default -> year(date.getYear());
        };
    }

    /** {@code date} moved by {@code count} units (negative: back), for "two weeks ago" or "next month". */
    static LocalDate shift(LocalDate date, long count, PeriodUnit unit) {
        return switch (unit) {
            case DAY -> date.plusDays(count);
            case WEEK -> date.plusWeeks(count);
            case FORTNIGHT -> date.plusWeeks(2 * count);
            case MONTH -> date.plusMonths(count);
            case QUARTER -> date.plusMonths(3 * count);
            case DECADE -> date.plusYears(10 * count);
            case CENTURY -> date.plusYears(100 * count);
            case MILLENNIUM -> date.plusYears(1000 * count);
            default -> date.plusYears(count);
        };
    }
}
