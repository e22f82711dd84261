package news.wire.enrich.copy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The months as reporters write them, in full or cut short ("Oct.", "Sept"): one list for figures and dates. */
public final class MonthNames {

    private static final List<String> FULL = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    /** "Sept" before "Sep": a regex tries alternatives in order, and the longer must win. */
    private static final List<String> SHORT = List.of("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
            "Oct", "Nov", "Dec");
    private static final Set<String> LOWER_CASE = Stream.concat(FULL.stream(), SHORT.stream())
            .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    /**
     * A regex fragment for a month name, capitalised only (lower-case "march" and "may" are verbs far more often
     * than months), a short form with or without its full stop.
     */
    public static final String PATTERN = "(?-i:(?:" + String.join("|", FULL) + ")|(?:" + String.join("|", SHORT)
            + ")\\.?)";

    private MonthNames() {
    }

    /** True when the lower-cased word is a month name or its short form; the caller checks the capital. */
    public static boolean isMonth(String lowerCase) {
        return LOWER_CASE.contains(lowerCase);
    }

    /** True for a short form as written ("Sept", "Oct"), whose full stop ends no sentence. */
    public static boolean isShortForm(String word) {
        return SHORT.contains(word);
    }

    /** The month (1 to 12) a name or short form that {@link #PATTERN} matched stands for. */
    public static int number(String name) {
        for (int m = 0; m < FULL.size(); m++) {
            if (FULL.get(m).regionMatches(true, 0, name, 0, 3)) {
                return m + 1;
            }
        }
        throw new IllegalArgumentException("Not a month: " + name);
    }
}
