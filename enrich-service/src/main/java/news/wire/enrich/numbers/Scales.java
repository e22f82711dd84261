package news.wire.enrich.numbers;

import java.util.Map;
import java.util.Set;

/** Words that multiply the figure before them ("million", "bn", "crore"); "m" and "b" only where money is meant. */
final class Scales {

    private static final Map<String, Long> WORDS = Map.ofEntries(
            Map.entry("hundred", 100L),
            Map.entry("thousand", 1_000L),
            Map.entry("million", 1_000_000L),
            Map.entry("mn", 1_000_000L),
            Map.entry("mln", 1_000_000L),
            Map.entry("billion", 1_000_000_000L),
            Map.entry("bn", 1_000_000_000L),
            Map.entry("bln", 1_000_000_000L),
            Map.entry("trillion", 1_000_000_000_000L),
            Map.entry("tn", 1_000_000_000_000L),
            Map.entry("trn", 1_000_000_000_000L),
            // South Asian copy counts in lakhs (100,000) and crores (10 million).
            Map.entry("lakh", 100_000L),
            Map.entry("lakhs", 100_000L),
            Map.entry("crore", 10_000_000L),
            Map.entry("crores", 10_000_000L),
            Map.entry("dozen", 12L));

    private Scales() {
    }

    /**
     * The multiplier written at token i after a numeral. "k" must touch the numeral ("40k"); "m" and "b" mean million
     * and billion only next to money ("£40m", "$3b", "40m euros"), since "a 100m sprint" is in metres.
     */
    static PhraseTable.Match<Long> after(CopyTokens tokens, int i, boolean money) {
        String key = tokens.key(i);
        Long factor = WORDS.get(key);
        if (factor != null) {
            return new PhraseTable.Match<>(factor, i + 1);
        }
        if (!tokens.attached(i)) {
            return null;
        }
        if (key.equals("k")) {
            return new PhraseTable.Match<>(1_000L, i + 1);
        }
        if ((key.equals("m") || key.equals("b"))
                && (money || Currencies.after(tokens, i + 1, true) != null || millionsOf(tokens, i))) {
            return new PhraseTable.Match<>(key.equals("m") ? 1_000_000L : 1_000_000_000L, i + 1);
        }
        return null;
    }

    /** Track and swimming distances, which sports copy writes as "800m" before plural nouns ("800m runners"). */
    private static final Set<String> RACE_DISTANCES = Set.of("50", "60", "100", "110", "200", "400", "800", "1500",
            "1,500", "3000", "3,000", "5000", "5,000", "10,000", "10000");

    /** "1m websites", "2.5m people": an "m" before a plural noun counts millions, except in race distances. */
    private static boolean millionsOf(CopyTokens tokens, int i) {
        return tokens.key(i).equals("m") && tokens.isWord(i + 1) && !tokens.capitalised(i + 1)
                && CountedNoun.plural(tokens.key(i + 1)) && !RACE_DISTANCES.contains(tokens.raw(i - 1));
    }

    /** The multiplier a spelled number can end in ("a million", "half a dozen"). */
    static Long word(String key) {
        return key.equals("hundred") || key.equals("thousand") || key.equals("million") || key.equals("billion")
                || key.equals("trillion") || key.equals("dozen") ? WORDS.get(key) : null;
    }
}
