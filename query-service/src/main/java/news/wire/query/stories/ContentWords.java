package news.wire.query.stories;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an article that can say what it is about: lowercase, three letters or more, without function words
 * and the reporting verbs every article uses. Weighted by the square root of their count, so a word repeated in a
 * long piece does not drown the rest.
 */
final class ContentWords {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]+");
    private static final Set<String> FUNCTION_WORDS = Set.of((
            "about above after again against all almost also although among and any are because been before being "
            + "below between both but can could did does doing down during each either else even ever every few for "
            + "from further had has have having her here hers herself him himself his how however into its itself "
            + "just least less like made make many may might more most much must myself neither nor not now off "
            + "once one only other our ours out over own per perhaps rather same should since some still such than "
            + "that the their theirs them themselves then there these they this those though through thus too two "
            + "under until upon very was were what when where whether which while who whom whose why will with "
            + "within without would yet you your yours said say says told added new year years last next week "
            + "first time people way back mr mrs ms").split(" "));

    private ContentWords() {
    }

    /** Each content word of the text with its weight. */
    static Map<String, Double> of(String text) {
        return weighted(counts(text));
    }

    /** How often each content word occurs in the text. */
    static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            if (word.length() > 2 && !FUNCTION_WORDS.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The weights of words counted earlier (as an indexed article carries them). */
    static Map<String, Double> weighted(Map<String, Integer> counts) {
        Map<String, Double> weights = new HashMap<>(counts.size() * 2);
        counts.forEach((word, count) -> weights.put(word, Math.sqrt(count)));
        return weights;
    }
}
