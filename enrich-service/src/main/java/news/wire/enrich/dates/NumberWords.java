package news.wire.enrich.dates;

import java.util.Locale;
import java.util.Map;

/** Counts written in figures or words ("24", "two", "twenty-four", "a couple of", "several"), as in "two weeks ago". */
final class NumberWords {

    /** A count whose size the writer left open ("several", "a few"): TIMEX3 writes it as X. */
    static final double UNKNOWN = Double.NaN;

    private static final String ONES = "one|two|three|four|five|six|seven|eight|nine";
    private static final String TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    /** Longer alternatives first, so "a few" is not read as "a". */
    static final String COUNT = "(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|(?:" + TENS + ")(?:[- ](?:" + ONES + "))?|" + TEENS
            + "|" + ONES + "|a\\s+couple\\s+of|couple\\s+of|a\\s+dozen|a\\s+hundred|one\\s+hundred|a\\s+few|few|several|many"
            + "|half\\s+an?|an?)";

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("dozen", 12), Map.entry("couple", 2));

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
            sum += WORDS.getOrDefault(word, 0);
        }
        return sum;
    }
}
