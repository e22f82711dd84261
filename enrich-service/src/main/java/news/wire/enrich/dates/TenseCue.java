package news.wire.enrich.dates;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wire.enrich.copy.MonthNames;

/**
 * Whether the sentence around an expression looks ahead. Reporters write about what happened, so a bare
 * "Monday" or "March" is the last one; only a future cue in the same sentence ("will", "is due", "next",
 * "scheduled") turns it into the coming one.
 */
final class TenseCue {

    private static final Pattern FUTURE = Pattern.compile("(?i)(?<![\\p{L}'’])(?:will|won['’]t|shall|['’]ll"
            + "|(?:is|are|was|were)\\s+(?:due|set|scheduled|expected|slated|to\\s+be)|due\\s+to|scheduled|plans?\\s+to"
            + "|planning\\s+to|expects?\\s+to|between\\s+now\\s+and|upcoming|next(?!\\s+to)|going\\s+to"
            + "|intends?\\s+to|would|as\\s+(?:soon|early)\\s+as|begins?|starts?"
            + "|opens?)(?![\\p{L}])");

    /** Words ending in "ed" that are no past verbs: "will succeed", "a hundred", "United", "Seattle-based". */
    private static final String NOT_PAST = "(?:hundred|united|limited|based|indeed|need|succeed|proceed|exceed|feed"
            + "|speed|seed|breed|bleed|shed|sacred|naked|wicked|kindred)";
    /** Past verbs; a participle after "be" or "is" ("will be paid", "is accepted") takes the auxiliary's tense. */
    private static final Pattern PAST = Pattern.compile("(?i)(?<![\\p{L}'’])(?:said|told|was|were|had|did|ago"
            + "|(?<!\\b(?:is|are|be)\\s|\\bbeen\\s|\\bbeing\\s)(?!" + NOT_PAST + "(?![\\p{L}]))"
            + "(?:\\p{L}{2,}ed|took|began|came|went|gave|won|lost|held|met|fell|rose|sold|bought|paid|became"
            + "|brought|sent|spent|built|found|struck|fought|wrote|spoke))(?![\\p{L}])");
    /** Past forms that are never participles under a modal: "would say he was right on Monday" reports the past. */
    private static final Pattern PAST_FINITE = Pattern.compile("(?i)(?<![\\p{L}'’])(?:said|told|was|were|had|did|ago"
            + "|that|who|which)(?![\\p{L}])");
    private static final Pattern PAST_AUXILIARY = Pattern.compile("(?i)(?<![\\p{L}'’])(?:was|were|had|did)(?![\\p{L}])");
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov",
            "Inc", "Co", "Corp", "Ltd", "Jr", "No", "vs", "Lt", "Col", "Capt", "Prof");

    /** A cue governs the words near it: a long sentence can report a past event and announce a future one. */
    private static final int REACH_BEFORE = 70;
    private static final int REACH_AFTER = 40;

    private TenseCue() {
    }

    /**
     * True when a future cue near [start, end) in its sentence is at least as close as any past-tense cue: in
     * "said Friday that he would appeal", "said" governs the day.
     */
    static boolean future(String text, int start, int end) {
        int from = Math.max(sentenceStart(text, start), start - REACH_BEFORE);
        int to = Math.min(sentenceEnd(text, end), end + REACH_AFTER);
        int future = nearest(FUTURE.matcher(text).region(from, to), start, end);
        int past = nearest(PAST.matcher(text).region(from, to), start, end);
        if (future == Integer.MAX_VALUE && past == Integer.MAX_VALUE) {
            return false;
        }
        return future <= past || governedByFutureAuxiliary(text, from, start);
    }

    /**
     * True when a future cue earlier in the clause reaches the expression with only participles and adjectives in
     * between: in "will redeem its preferred shares on Oct. 31" the "will" governs the day, not "preferred".
     */
    private static boolean governedByFutureAuxiliary(String text, int from, int start) {
        Matcher cues = FUTURE.matcher(text).region(from, start);
        int after = -1;
        while (cues.find()) {
            after = cues.end();
        }
        if (after < 0) {
            return false;
        }
        boolean clauseBreak = text.substring(after, start).chars().anyMatch(c -> ",;:(\"".indexOf(c) >= 0);
        return !clauseBreak && !PAST_FINITE.matcher(text).region(after, start).find();
    }

    /** True when a past auxiliary ("was", "had") stands near [start, end): "was founded on Dec. 20". */
    static boolean plainlyPast(String text, int start, int end) {
        int from = Math.max(sentenceStart(text, start), start - REACH_BEFORE);
        int to = Math.min(sentenceEnd(text, end), end + REACH_AFTER);
        int past = nearest(PAST_AUXILIARY.matcher(text).region(from, to), start, end);
        return past < Integer.MAX_VALUE && past < nearest(FUTURE.matcher(text).region(from, to), start, end);
    }

    /** True when text[start, end) is a past-tense cue in its place: "took", "was", not "be completed". */
    static boolean pastVerb(String text, int start, int end) {
        return start < end && PAST.matcher(text).region(start, end).useTransparentBounds(true).matches();
    }

    private static int nearest(Matcher cues, int start, int end) {
        int best = Integer.MAX_VALUE;
        while (cues.find()) {
            if (cues.end() <= start) {
                best = Math.min(best, start - cues.end());
            } else if (cues.start() >= end) {
                best = Math.min(best, cues.start() - end);
            }
        }
        return best;
    }

    private static int sentenceStart(String text, int at) {
        for (int i = at - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' && text.charAt(i - 1) == '\n') {
                return i;
            }
            if ((c == ' ' || c == '\n') && isStop(text.charAt(i - 1)) && !abbreviation(text, i - 1)) {
                return i;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int at) {
        for (int i = at; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (isStop(c) && Character.isWhitespace(text.charAt(i + 1)) && !abbreviation(text, i)) {
                return i + 1;
            }
            if (c == '\n' && text.charAt(i + 1) == '\n') {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /** "Oct." and "p.m." end no sentence: a stop after one letter or a common abbreviation is not a full stop. */
    private static boolean abbreviation(String text, int stop) {
        if (text.charAt(stop) != '.') {
            return false;
        }
        int i = stop - 1;
        while (i >= 0 && Character.isLetter(text.charAt(i))) {
            i--;
        }
        int length = stop - 1 - i;
        return length == 1 || (length <= 4 && isAbbreviation(text.substring(i + 1, stop)));
    }

    private static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word) || MonthNames.isShortForm(word);
    }
}
