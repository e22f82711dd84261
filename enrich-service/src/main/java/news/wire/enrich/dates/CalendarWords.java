package news.wire.enrich.dates;

import java.time.DayOfWeek;
import java.util.Locale;

/** Weekday, season and part-of-day words as reporters write them, with the regex fragments that find them. */
final class CalendarWords {

    static final String WEEKDAY = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    static final String SEASON = "(?:spring|summer|fall|autumn|winter)";

    static final String PART_OF_DAY = "(?:morning|afternoon|evening|night)";

    private CalendarWords() {
    }

    static DayOfWeek weekday(String word) {
        return DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** TIMEX3 season code: SP, SU, FA, WI. */
    static String season(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "spring" -> "SP";
            case "summer" -> "SU";
            case "winter" -> "WI";
            default -> "FA";
        };
    }

    /** TIMEX3 part-of-day code: MO, AF, EV, NI. */
    static String partOfDay(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "morning" -> "MO";
            case "afternoon" -> "AF";
            case "evening" -> "EV";
            default -> "NI";
        };
    }
}
