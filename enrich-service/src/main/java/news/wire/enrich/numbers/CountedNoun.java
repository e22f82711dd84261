package news.wire.enrich.numbers;

import java.util.Locale;
import java.util.Set;

/**
 * The thing a figure counts, read from the words after it: the head noun of the phrase, lower-cased, singular or
 * plural as written ("over 33,900 lives" counts "lives"; "200 Palestinian prisoners" counts "prisoners").
 */
final class CountedNoun {

    private static final int WINDOW = 4;

    /** Words that end the noun phrase after a figure: articles, prepositions, pronouns, auxiliaries, adverbs. */
    private static final Set<String> STOP = Set.of("a", "an", "the", "this", "that", "these", "those", "its", "it",
            "their", "his", "her", "our", "your", "my", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "into", "onto", "over", "under", "after", "before", "since", "during", "than", "as", "per", "about",
            "across", "against", "between", "through", "among", "amid", "within", "without", "including", "like",
            "near", "and", "or", "but", "so", "yet", "if", "because", "while", "when", "where", "who", "which", "whom",
            "whose", "what", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
            "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "he", "she", "they",
            "we", "you", "i", "them", "us", "him", "me", "less", "most", "least", "not", "no", "also", "only",
            "just", "still", "already", "ago", "each", "every", "all", "some", "any", "both", "either", "neither",
            "such", "there", "here", "then", "now", "later", "earlier", "said", "says", "say", "told", "according",
            "up", "down", "out", "off", "away", "back", "again", "apiece", "too", "very", "versus", "vs", "instead",
            "last", "next", "ahead", "around", "almost", "nearly", "even", "respectively", "compared", "altogether",
            "alone", "more", "further", "percent", "cent");
    /** Words that may stand between "of" and the thing counted: "half of all voters", "three of the hostages". */
    private static final Set<String> DETERMINERS = Set.of("the", "its", "their", "his", "her", "our", "your", "my",
            "all", "those", "these", "this", "that", "a", "an");
    /** Plurals without a final s, and nouns counted without one ("500 staff", "40 sheep"). */
    private static final Set<String> PLURAL_WITHOUT_S = Set.of("people", "children", "men", "women", "police",
            "staff", "personnel", "cattle", "sheep", "fish", "deer", "feet", "teeth", "mice", "geese", "aircraft",
            "livestock", "folk", "clergy", "crew", "militia", "youth", "offspring", "infantry", "poultry", "data",
            "media");
    /** Adjectives that often stand before the thing counted: "five more people", "30 armed men". */
    private static final Set<String> MODIFIERS = Set.of("new", "more", "other", "extra", "additional", "young", "old",
            "small", "large", "big", "local", "foreign", "senior", "junior", "former", "armed", "dead", "missing",
            "elderly", "innocent", "top", "key", "major", "full", "entire", "whole", "single", "separate",
            "different", "main", "possible", "eligible", "registered", "unarmed", "injured", "wounded", "suspected",
            "alleged", "confirmed", "known", "few", "many", "much", "similar", "high", "low", "long", "short", "best",
            "worst", "straight", "consecutive", "successive", "fewer", "unaccompanied", "civilian");
    /** Superlatives describe the thing counted and are never it: "one of the biggest lenders". */
    private static final Set<String> SUPERLATIVES = Set.of("biggest", "largest", "greatest", "highest", "lowest",
            "best", "worst", "oldest", "youngest", "richest", "poorest", "deadliest", "fastest", "longest",
            "strongest", "closest", "smallest", "busiest", "latest", "earliest", "newest", "top");
    /** Words joined by a hyphen to a figure that describe rather than name what is counted: "a 1,000-strong crowd". */
    private static final Set<String> HYPHEN_DESCRIPTIONS = Set.of("strong", "long", "high", "wide", "deep", "tall",
            "old", "odd", "plus", "fold", "something", "year-old", "year-olds");

    private CountedNoun() {
    }

    /**
     * The noun counted by the figure that ends before token i, or null when the sentence does not say.
     * {@code singular} is for figures of one or less ("one man", "half the population"), {@code fraction} for
     * shares ("half the staff"); {@code afterScale} for figures that take "of" before the thing counted ("millions
     * of people", "two-thirds of voters").
     */
    static String after(CopyTokens tokens, int i, boolean singular, boolean fraction, boolean afterScale) {
        int j = i;
        // "a 40-year-old", "a 12-month ban": the word hyphened to the figure.
        if (tokens.is(j, "-") && tokens.attached(j) && tokens.attached(j + 1) && tokens.isWord(j + 1)) {
            String word = tokens.key(j + 1);
            return HYPHEN_DESCRIPTIONS.contains(word) || STOP.contains(word) ? null : word;
        }
        if (tokens.is(j, "of")) {
            if (!afterScale && !DETERMINERS.contains(tokens.key(j + 1))) {
                return null;
            }
            j++;
            if (DETERMINERS.contains(tokens.key(j))) {
                j++;
            }
            // "one of the guards": one of many, so the thing counted is plural.
            singular &= fraction;
        } else if (fraction && DETERMINERS.contains(tokens.key(j))) {
            j++;
        }
        int[] starts = new int[WINDOW];
        int[] ends = new int[WINDOW];
        int count = 0;
        while (count < WINDOW && tokens.isWord(j) && !STOP.contains(tokens.key(j))) {
            int end = j + 1;
            // Hyphened compounds are one word: "health-care workers", "rank-and-file members".
            while (tokens.is(end, "-") && tokens.attached(end) && tokens.attached(end + 1) && tokens.isWord(end + 1)) {
                end += 2;
            }
            starts[count] = j;
            ends[count] = end;
            count++;
            j = end;
        }
        if (count == 0) {
            return null;
        }
        if (!singular) {
            for (int w = 0; w < count; w++) {
                if (plural(word(tokens, starts[w], ends[w])) && !possessive(tokens, ends[w])) {
                    // "police officers": a run of plurals ends at its last word.
                    while (w + 1 < count && plural(word(tokens, starts[w + 1], ends[w + 1]))) {
                        w++;
                    }
                    return word(tokens, starts[w], ends[w]);
                }
            }
            return null;
        }
        for (int w = 0; w < count; w++) {
            String word = word(tokens, starts[w], ends[w]);
            boolean more = w + 1 < count;
            if (SUPERLATIVES.contains(word)) {
                continue;
            }
            if (possessive(tokens, ends[w])) {
                if (more) {
                    continue;
                }
                return null;
            }
            if (more && (tokens.capitalised(starts[w]) || MODIFIERS.contains(word) || adjectiveLike(word))) {
                continue;
            }
            return word.endsWith("ly") ? null : word;
        }
        return null;
    }

    private static String word(CopyTokens tokens, int start, int end) {
        String word = tokens.text().substring(tokens.start(start), tokens.end(end - 1)).toLowerCase(Locale.ROOT);
        if (word.endsWith("'s") || word.endsWith("’s")) {
            word = word.substring(0, word.length() - 2);
        }
        return word;
    }

    /** "the company's directors": the owner is not the thing counted. */
    private static boolean possessive(CopyTokens tokens, int end) {
        return tokens.key(end - 1).endsWith("'s");
    }

    static boolean plural(String word) {
        if (PLURAL_WITHOUT_S.contains(word)) {
            return true;
        }
        int hyphen = word.lastIndexOf('-');
        String last = hyphen >= 0 ? word.substring(hyphen + 1) : word;
        return last.length() >= 3 && last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us")
                && !last.endsWith("is") && !STOP.contains(last);
    }

    private static boolean adjectiveLike(String word) {
        return word.endsWith("ian") || word.endsWith("ese") || word.endsWith("ish") || word.endsWith("al")
                || word.endsWith("ic") || word.endsWith("ive") || word.endsWith("ous") || word.endsWith("ful")
                || word.endsWith("less") || word.endsWith("ed") || word.endsWith("ing") || word.endsWith("able")
                || word.endsWith("ible");
    }
}
