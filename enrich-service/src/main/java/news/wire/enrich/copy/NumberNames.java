package news.wire.enrich.copy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Number words from "one" to "ninety", with their values: one list for figures and for counts in dates. */
public final class NumberNames {

    /** "one" to "nine", in counting order (the order regex alternatives are built in). */
    public static final Map<String, Integer> UNITS = counting(1, 1, "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");
    /** "ten" to "nineteen". */
    public static final Map<String, Integer> TEENS = counting(10, 1, "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");
    /** "twenty" to "ninety". */
    public static final Map<String, Integer> TENS = counting(20, 10, "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety");

    private NumberNames() {
    }

    /** The value of a unit, teen or tens word; null for any other word. */
    public static Integer value(String word) {
        return Stream.of(UNITS, TEENS, TENS).map(words -> words.get(word)).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** Every unit, teen and tens word. */
    public static Stream<String> words() {
        return Stream.of(UNITS, TEENS, TENS).flatMap(words -> words.keySet().stream());
    }

    /** The words as a regex alternation, in counting order. */
    public static String alternation(Map<String, Integer> words) {
        return String.join("|", words.keySet());
    }

    private static Map<String, Integer> counting(int first, int step, String... words) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) {
            values.put(words[i], first + i * step);
        }
        return Collections.unmodifiableMap(values);
    }
}
