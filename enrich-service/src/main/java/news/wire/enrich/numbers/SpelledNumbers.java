package news.wire.enrich.numbers;

import static news.wire.enrich.copy.NumberNames.TEENS;
import static news.wire.enrich.copy.NumberNames.TENS;
import static news.wire.enrich.copy.NumberNames.UNITS;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Set;

/**
 * Figures written as words: "twenty-five", "three hundred", "a dozen", "two-thirds", "half a million",
 * "dozens of", "tens of thousands", and ranks such as "third" and "twenty-first".
 */
final class SpelledNumbers {

    /** How a spelled figure reads: a count, a fraction, a vague plural ("hundreds of") or a rank. */
    enum Form { CARDINAL, FRACTION, VAGUE, ORDINAL }

    /** A spelled figure: its value, the token after it, and whether "of" may follow before the thing counted. */
    record Reading(BigDecimal value, int next, Form form, boolean scaled) {
    }

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1),
            Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5),
            Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
            Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30),
            Map.entry("fortieth", 40), Map.entry("fiftieth", 50), Map.entry("sixtieth", 60),
            Map.entry("seventieth", 70), Map.entry("eightieth", 80), Map.entry("ninetieth", 90),
            Map.entry("hundredth", 100), Map.entry("thousandth", 1000), Map.entry("millionth", 1_000_000));
    private static final Map<String, Integer> DENOMINATORS = Map.of("half", 2, "third", 3, "quarter", 4,
            "fourth", 4, "fifth", 5, "sixth", 6, "eighth", 8, "tenth", 10);
    private static final Map<String, Integer> PLURAL_DENOMINATORS = Map.of("halves", 2, "thirds", 3,
            "quarters", 4, "fourths", 4, "fifths", 5, "sixths", 6, "eighths", 8, "tenths", 10);
    /** Plurals of round numbers; "tens" only in "tens of thousands" and the like. */
    private static final Map<String, Long> ROUND_PLURALS = Map.of("dozens", 12L, "scores", 20L, "tens", 10L,
            "hundreds", 100L, "thousands", 1_000L, "millions", 1_000_000L, "billions", 1_000_000_000L);
    /** What may follow "half" when it is a quantity: "half of", "half the", "half a million". */
    private static final Set<String> AFTER_HALF = Set.of("of", "the", "a", "an", "its", "their", "his", "her", "our",
            "all", "that", "those", "these", "this", "them", "my", "your");
    /** Before "half", these make it a part of something, not a quantity: "the second half", "one and a half". */
    private static final Set<String> BEFORE_HALF = Set.of("the", "first", "second", "a", "an", "other", "latter",
            "former", "one", "in", "next", "last", "this", "that");
    /** After "a second", these make it a moment rather than a rank: "a second later", "a second or two". */
    private static final Set<String> AFTER_MOMENT = Set.of("later", "ago", "earlier", "or", "and", "of", "to", "in",
            "too", "before", "after", "longer", "more", "for", "at", "on", "the", "that", "which", "when");

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private SpelledNumbers() {
    }

    /** The spelled figure starting at token i; {@code hedged} says a qualifier came before ("nearly half"). */
    static Reading read(CopyTokens tokens, int i, boolean hedged) {
        if (!tokens.isWord(i)) {
            return null;
        }
        Reading reading = fraction(tokens, i, hedged);
        if (reading == null) {
            reading = roundPlural(tokens, i);
        }
        if (reading == null) {
            reading = ordinal(tokens, i);
        }
        if (reading == null) {
            reading = cardinal(tokens, i);
        }
        return reading;
    }

    static boolean isNumberWord(String key) {
        return startsSmall(key) || ORDINALS.containsKey(key) || Scales.word(key) != null && !key.equals("dozen");
    }

    /** "two-thirds", "a quarter of", "three quarters", "half the", "half a million". */
    private static Reading fraction(CopyTokens tokens, int i, boolean hedged) {
        String key = tokens.key(i);
        if (key.equals("half")) {
            return half(tokens, i, hedged);
        }
        int numerator;
        if (key.equals("a") || key.equals("an") || key.equals("one")) {
            numerator = 1;
        } else if (UNITS.containsKey(key)) {
            numerator = UNITS.get(key);
        } else {
            return null;
        }
        int j = i + 1;
        boolean hyphened = tokens.is(j, "-") && tokens.attached(j) && tokens.attached(j + 1);
        if (hyphened) {
            j++;
        }
        Integer denominator = numerator == 1 ? DENOMINATORS.get(tokens.key(j)) : PLURAL_DENOMINATORS.get(tokens.key(j));
        if (denominator == null) {
            return null;
        }
        int next = j + 1;
        // "a third of the vote" is a share; "a third term" is a rank, left to ordinal(); "two quarters ahead" is time.
        if ((numerator == 1 || !hyphened) && !hedged && !tokens.is(next, "of") && !tokens.phraseBreak(next)) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), PRECISION);
        return scaledFraction(tokens, next, value);
    }

    private static Reading half(CopyTokens tokens, int i, boolean hedged) {
        if (tokens.is(i + 1, "-") && tokens.attached(i + 1)) {
            return null;
        }
        if (!hedged && BEFORE_HALF.contains(tokens.key(i - 1))) {
            return null;
        }
        if (!hedged && !AFTER_HALF.contains(tokens.key(i + 1)) && !tokens.phraseBreak(i + 1)) {
            return null;
        }
        return scaledFraction(tokens, i + 1, new BigDecimal("0.5"));
    }

    /** A fraction of a round number ("half a million", "a quarter of a billion") is a plain count. */
    private static Reading scaledFraction(CopyTokens tokens, int next, BigDecimal fraction) {
        int j = next;
        if (tokens.is(j, "of")) {
            j++;
        }
        if (tokens.is(j, "a") || tokens.is(j, "an")) {
            Long scale = Scales.word(tokens.key(j + 1));
            if (scale != null && !tokens.key(j + 1).equals("hundred")) {
                return new Reading(fraction.multiply(BigDecimal.valueOf(scale)), j + 2, Form.CARDINAL, true);
            }
        }
        return new Reading(fraction, next, Form.FRACTION, true);
    }

    /**
     * "dozens of", "hundreds of thousands of", "several hundred". A plural round number means at least two of it,
     * so "dozens of" reads as at least 24 and "tens of thousands of" as at least 20,000; "several" as at least three.
     */
    private static Reading roundPlural(CopyTokens tokens, int i) {
        String key = tokens.key(i);
        if (key.equals("several")) {
            Long scale = Scales.word(tokens.key(i + 1));
            return scale == null ? null
                    : new Reading(BigDecimal.valueOf(3 * scale), i + 2, Form.VAGUE, true);
        }
        Long unit = ROUND_PLURALS.get(key);
        if (unit == null) {
            return null;
        }
        int j = i + 1;
        long size = unit;
        if (unit <= 100 && tokens.is(j, "of")) {
            Long larger = ROUND_PLURALS.get(tokens.key(j + 1));
            if (larger != null && larger >= 1_000) {
                size = unit * larger;
                j += 2;
            }
        }
        if (key.equals("tens") && size == unit) {
            return null;
        }
        // Only "hundreds of people" is a figure; "in their thousands" and "test scores of 80" are not.
        if (size == unit && (!tokens.is(j, "of") || !tokens.isWord(j + 1))) {
            return null;
        }
        return new Reading(BigDecimal.valueOf(2 * size), j, Form.VAGUE, true);
    }

    /** "third", "twenty-first"; "a second" as a moment and "at first" are not ranks. */
    private static Reading ordinal(CopyTokens tokens, int i) {
        String key = tokens.key(i);
        Integer tens = TENS.get(key);
        if (tens != null && tokens.is(i + 1, "-") && tokens.attached(i + 1) && tokens.attached(i + 2)) {
            Integer unit = ORDINALS.get(tokens.key(i + 2));
            if (unit != null && unit < 10) {
                return new Reading(BigDecimal.valueOf(tens + unit), i + 3, Form.ORDINAL, false);
            }
        }
        Integer rank = ORDINALS.get(key);
        if (rank == null) {
            return null;
        }
        if (key.equals("second") && isMoment(tokens, i)) {
            return null;
        }
        if (key.equals("first") && tokens.is(i - 1, "at")) {
            return null;
        }
        return new Reading(BigDecimal.valueOf(rank), i + 1, Form.ORDINAL, false);
    }

    private static boolean isMoment(CopyTokens tokens, int i) {
        String before = tokens.key(i - 1);
        if (before.equals("per") || before.equals("every") || before.equals("each") || before.equals("split")
                || tokens.isNumeral(i - 1)
                || (tokens.is(i - 1, "-") && (tokens.isNumeral(i - 2) || isNumberWord(tokens.key(i - 2))))
                || isNumberWord(before)) {
            return true;
        }
        if (before.equals("a") || before.equals("one")) {
            return !tokens.isWord(i + 1) || AFTER_MOMENT.contains(tokens.key(i + 1));
        }
        return false;
    }

    private static final int NONE = 0;
    private static final int UNIT = 1;
    private static final int TEEN = 2;
    private static final int TEN = 3;
    private static final int HUNDRED = 4;
    private static final int SCALE = 5;

    /** "seven", "twenty-five", "three hundred and twelve", "a million", "two dozen". */
    private static Reading cardinal(CopyTokens tokens, int i) {
        int j = i;
        long total = 0;
        long current = 0;
        int last = NONE;
        int end = -1;
        if (tokens.is(j, "a") || tokens.is(j, "an")) {
            if (Scales.word(tokens.key(j + 1)) == null) {
                return null;
            }
            current = 1;
            j++;
        }
        while (j < tokens.size()) {
            String key = tokens.key(j);
            Integer small;
            Long scale;
            if ((small = UNITS.get(key)) != null) {
                if (last == UNIT || last == TEEN) {
                    break;
                }
                current += small;
                last = UNIT;
            } else if ((small = teen(key)) != null || (small = TENS.get(key)) != null) {
                if (last != NONE && last != HUNDRED && last != SCALE) {
                    break;
                }
                current += small;
                last = TENS.containsKey(key) ? TEN : TEEN;
            } else if (key.equals("hundred")) {
                if (last == HUNDRED || last == SCALE || (last == NONE && current == 0) || current >= 100) {
                    break;
                }
                current *= 100;
                last = HUNDRED;
            } else if ((scale = Scales.word(key)) != null && scale >= 1_000) {
                if (current == 0) {
                    break;
                }
                total += current * scale;
                current = 0;
                last = SCALE;
            } else if (key.equals("dozen")) {
                if (current == 0 || last == HUNDRED || last == SCALE) {
                    break;
                }
                current *= 12;
                end = j + 1;
                break;
            } else if (key.equals("and") && (last == HUNDRED || last == SCALE) && startsSmall(tokens.key(j + 1))) {
                j++;
                continue;
            } else if (key.equals("-") && last == TEN && tokens.attached(j) && tokens.attached(j + 1)
                    && UNITS.containsKey(tokens.key(j + 1))) {
                j++;
                continue;
            } else {
                break;
            }
            end = j + 1;
            j++;
        }
        if (end < 0) {
            return null;
        }
        boolean scaled = last == SCALE || last == HUNDRED || tokens.is(end - 1, "dozen");
        return new Reading(BigDecimal.valueOf(total + current), end, Form.CARDINAL, scaled);
    }

    private static boolean startsSmall(String key) {
        return UNITS.containsKey(key) || teen(key) != null || TENS.containsKey(key);
    }

    /** A teen's value; "zero" reads as a teen, since no unit may follow it either. */
    private static Integer teen(String key) {
        return key.equals("zero") ? Integer.valueOf(0) : TEENS.get(key);
    }
}
