package news.wire.enrich.dates;

import java.util.Locale;

/** The calendar units a reporter counts in, with the letter TIMEX3 writes for each in a duration. */
enum PeriodUnit {
    SECOND("S", true, 1), MINUTE("M", true, 1), HOUR("H", true, 1), DAY("D", false, 1), WEEK("W", false, 1),
    FORTNIGHT("W", false, 2), MONTH("M", false, 1), QUARTER("Q", false, 1), YEAR("Y", false, 1),
    DECADE("Y", false, 10), CENTURY("Y", false, 100), MILLENNIUM("Y", false, 1000);

    /** Singular and plural unit words, longest first. */
    static final String WORD = "(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?"
            + "|decades?|centur(?:y|ies)|millenni(?:um|a))";

    final String letter;
    final boolean clock;
    /** How many of {@link #letter} one of this unit is: a decade is written P10Y, as TimeBank does. */
    final int multiple;

    PeriodUnit(String letter, boolean clock, int multiple) {
        this.letter = letter;
        this.clock = clock;
        this.multiple = multiple;
    }

    static PeriodUnit of(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("centur")) {
            return CENTURY;
        }
        if (w.startsWith("millenni")) {
            return MILLENNIUM;
        }
        return valueOf((w.endsWith("s") ? w.substring(0, w.length() - 1) : w).toUpperCase(Locale.ROOT));
    }

    /** The next smaller unit after {@link #letter}, for writing "two and a half years" as P2Y6M. */
    PeriodUnit smaller() {
        return switch (this) {
            case YEAR, DECADE, CENTURY, MILLENNIUM -> MONTH;
            case MONTH, WEEK, FORTNIGHT -> DAY;
            case DAY -> HOUR;
            case HOUR -> MINUTE;
            case MINUTE -> SECOND;
            default -> null;
        };
    }

    /** How many of {@link #smaller()} make one {@link #letter}, close enough for a reporter's "half". */
    int perSmaller() {
        return switch (this) {
            case YEAR, DECADE, CENTURY, MILLENNIUM -> 12;
            case MONTH -> 30;
            case WEEK, FORTNIGHT -> 7;
            case DAY -> 24;
            default -> 60;
        };
    }
}
