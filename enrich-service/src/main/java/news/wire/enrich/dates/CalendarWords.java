package news.wire.enrich.dates;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;

/** Month, weekday, season and part-of-day words as reporters write them, with the regex fragments that find them. */
final class CalendarWords {

    /** Capitalised only: lower-case "march" and "may" are verbs far more often than months. */
    static final String MONTH = "(?-i:(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)";

    static final String WEEKDAY = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    static final String SEASON = "(?:spring|summer|fall|autumn|winter)";

    static final String PART_OF_DAY = "(?:morning|afternoon|evening|night)";

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private CalendarWords() {
    }

    static int month(String word) {
        return MONTHS.get(word.substring(0, 3).toLowerCase(Locale.ROOT));
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
