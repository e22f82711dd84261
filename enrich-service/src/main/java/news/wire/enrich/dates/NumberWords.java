package news.wire.enrich.dates;

import java.util.Locale;
import java.util.Map;

import news.wire.enrich.copy.NumberNames;

/** Counts written in figures or words ("24", "two", "twenty-four", "a couple of", "several"), as in "two weeks ago". */
final class NumberWords {

    /** A count whose size the writer left open ("several", "a few"): TIMEX3 writes it as X. */
    static final double UNKNOWN = Double.NaN;

    private static final String ONES = NumberNames.alternation(NumberNames.UNITS);
    /** "ten" to "ninety-nine" in words: a tens word with or without its unit ("twenty-four", "twenty"), or a teen. */
    static final String TENS_AND_TEENS = "(?:" + NumberNames.alternation(NumberNames.TENS) + ")(?:[- ](?:" + ONES
            + "))?|" + NumberNames.alternation(NumberNames.TEENS);

    /** Longer alternatives first, so "a few" is not read as "a". */
    static final String COUNT = "(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|" + TENS_AND_TEENS + "|" + ONES
            + "|a\\s+couple\\s+of|couple\\s+of|a\\s+dozen|a\\s+hundred|one\\s+hundred|a\\s+few|few|several|many"
            + "|half\\s+an?|an?)";

    /** Words that count in a date's amount besides the number words: "a week", "a dozen years", "a couple of". */
    private static final Map<String, Integer> OTHER_WORDS = Map.of("a", 1, "an", 1, "dozen", 12, "couple", 2);

    private NumberWords() {
    }

    /** The count, {@link #UNKNOWN} for vague quantities. */
    static double value(String count) {
        String text = count.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        if (Character.isDigit(text.charAt(0))) {
            boolean half = text.endsWith(" 1/2");
            double whole = Double.parseDouble(half ? text.substring(0, text.length() - 4) : text);
            return half ? whole + 0.5 : whole;
        }
        if (text.startsWith("half")) {
            return 0.5;
        }
        if (text.endsWith("few") || text.equals("several") || text.equals("many")) {
            return UNKNOWN;
        }
        if (text.startsWith("couple")) {
            return 2;
        }
        if (text.endsWith("hundred")) {
            return 100;
        }
        if (text.startsWith("a ")) {
            text = text.substring(2);
        }
        int sum = 0;
        for (String word : text.split("[- ]")) {
            Integer value = NumberNames.value(word);
            sum += value != null ? value : OTHER_WORDS.getOrDefault(word, 0);
        }
        return sum;
    }
}
