package news.wire.enrich.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import news.wire.enrich.copy.MonthNames;
import news.wire.enrich.dates.DateMention;

/**
 * Whether a figure is part of a date or a time, decided here alone: by the numeral's own shape and neighbours ("7
 * October", "3:30 p.m.", "1996-08-30", "the 1990s"), and by the expressions the date extractor found ("three days").
 */
final class DatesAndTimes {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Set<String> TIME_ZONES = Set.of("GMT", "BST", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT",
            "ET", "PT", "CET", "CEST", "EET", "IST", "JST", "AEST", "AEDT", "MSK", "HKT", "SGT");
    /** Words that put a year, not a count, after them: "in 2023", "the 2024 elections", "fiscal 2025". */
    private static final Set<String> YEAR_CUES = Set.of("in", "since", "by", "until", "till", "from", "during",
            "before", "after", "through", "throughout", "year", "early", "late", "mid", "the", "a", "an", "this",
            "last", "next", "fiscal", "financial", "calendar", "its", "their", "his", "her", "our", "summer", "spring",
            "autumn", "winter", "between", "circa");

    private DatesAndTimes() {
    }

    /**
     * The figures that no date, time or duration in the same field overlaps. Such an expression ("October 7", "three
     * days") already tells its figure in its value; listing it as a number too would count a day of the month.
     */
    static List<NumberMention> outside(List<NumberMention> figures, List<DateMention> dates) {
        List<NumberMention> kept = new ArrayList<>(figures.size());
        for (NumberMention figure : figures) {
            if (dates.stream().noneMatch(d -> d.field() == figure.field() && d.start() < figure.end()
                    && figure.start() < d.end() && !withinItsTail(d, figure))) {
                kept.add(figure);
            }
        }
        return kept;
    }

    /**
     * A date the figure's own reading ends with, after where it starts: the "a day" of "9 million barrels a day", the
     * "an hour" of "£11.44 an hour". The figure stands; the date does not make it part of a date.
     */
    private static boolean withinItsTail(DateMention date, NumberMention figure) {
        return date.start() > figure.start() && date.end() <= figure.end();
    }

    /**
     * When the numeral at token i is part of a date or a clock time, the token after that date or time; else -1.
     * Bare years are judged later, once it is known whether a unit or a counted noun follows.
     */
    static int skip(CopyTokens tokens, int i) {
        int chainEnd = chain(tokens, i);
        if (chainEnd > 0) {
            return chainEnd;
        }
        int j = i + 1;
        // Years cut to two digits: "the class of '83".
        if (tokens.attached(i) && (tokens.is(i - 1, "'") || tokens.is(i - 1, "’")) && tokens.raw(i).length() == 2) {
            return j;
        }
        // Decades: "the 1990s", "her 40s", "the '90s".
        if (tokens.attached(j) && tokens.is(j, "s")) {
            return j + 1;
        }
        if (tokens.attached(j) && tokens.is(j, "'") && tokens.attached(j + 1) && tokens.is(j + 1, "s")) {
            return j + 2;
        }
        int clock = afterMeridiem(tokens, j);
        if (clock > 0 && hourLike(tokens.raw(i))) {
            return clock;
        }
        if (tokens.is(j, "o'clock")) {
            return j + 1;
        }
        if (tokens.isWord(j) && TIME_ZONES.contains(tokens.raw(j)) && tokens.raw(i).length() <= 5) {
            return j + 1;
        }
        if (!wholeUpTo(tokens, i, 31)) {
            return -1;
        }
        int day = dayOfMonth(tokens, i, dayEnd(tokens, i));
        if (day > 0) {
            return day;
        }
        // "7 and 9 October", "7-9 October": the first day is read with the second.
        int k = j + 1;
        if ((tokens.is(j, "and") || tokens.is(j, "to") || tokens.is(j, "or") || tokens.is(j, "-") || tokens.is(j, "–"))
                && tokens.isNumeral(k) && wholeUpTo(tokens, k, 31)) {
            return dayOfMonth(tokens, k, dayEnd(tokens, k));
        }
        return -1;
    }

    /** "3:30", "12/10/2023", "1996-08-30", "2023-24": numerals joined by separators with no space between. */
    private static int chain(CopyTokens tokens, int i) {
        int j = i;
        int links = 0;
        boolean colon = false;
        boolean slash = false;
        while (tokens.attached(j + 1) && tokens.attached(j + 2) && tokens.isNumeral(j + 2)) {
            String link = tokens.key(j + 1);
            if (link.equals(":")) {
                colon = true;
            } else if (link.equals("/")) {
                slash = true;
            } else if (!link.equals("-") && !link.equals(".")) {
                break;
            }
            links++;
            j += 2;
        }
        if (links == 0) {
            return -1;
        }
        if (colon) {
            int clock = afterMeridiem(tokens, j + 1);
            return clock > 0 ? clock : j + 1;
        }
        if (slash || links >= 2) {
            return j + 1;
        }
        String first = tokens.raw(i);
        String second = tokens.raw(i + 2);
        if (isYearShape(first) && tokens.is(i + 1, "-")
                && ((second.length() == 2 && allDigits(second)) || isYearShape(second))) {
            return i + 3;
        }
        return -1;
    }

    /** The token after "am", "pm", "a.m." or "p.m." starting at token j; -1 when there is none. */
    private static int afterMeridiem(CopyTokens tokens, int j) {
        String key = tokens.key(j);
        if (key.equals("am") || key.equals("pm")) {
            return j + 1;
        }
        if ((key.equals("a") || key.equals("p")) && tokens.is(j + 1, ".") && tokens.attached(j + 1)
                && tokens.is(j + 2, "m") && tokens.attached(j + 2)) {
            return tokens.is(j + 3, ".") && tokens.attached(j + 3) ? j + 4 : j + 3;
        }
        return -1;
    }

    private static boolean hourLike(String raw) {
        int dot = raw.indexOf('.');
        String hours = dot < 0 ? raw : raw.substring(0, dot);
        return allDigits(hours) && hours.length() <= 2 && Integer.parseInt(hours) <= 12;
    }

    /** The token after a day numeral and its ordinal suffix ("7th"). */
    private static int dayEnd(CopyTokens tokens, int i) {
        return tokens.ordinalSuffix(i + 1) ? i + 2 : i + 1;
    }

    /**
     * When the day or rank spanning tokens [i, next) is a day of the month ("7 October", "7th of October",
     * "October 7", "Oct. 7"), the token after it; else -1.
     */
    static int dayOfMonth(CopyTokens tokens, int i, int next) {
        boolean monthAfter = isMonth(tokens, tokens.is(next, "of") ? next + 1 : next);
        boolean monthBefore = isMonth(tokens, i - 1) || (tokens.is(i - 1, ".") && isMonth(tokens, i - 2));
        return monthAfter || monthBefore ? next : -1;
    }

    static boolean isMonth(CopyTokens tokens, int i) {
        return tokens.capitalised(i) && MonthNames.isMonth(tokens.key(i));
    }

    static boolean yearCue(CopyTokens tokens, int i) {
        return YEAR_CUES.contains(tokens.key(i)) || tokens.key(i).endsWith("'s");
    }

    /** Four digits from 1900 to 2100 with no thousands comma: the shape of a year in news copy. */
    static boolean isYearShape(String raw) {
        if (raw.length() != 4 || !allDigits(raw)) {
            return false;
        }
        int value = Integer.parseInt(raw);
        return value >= 1900 && value <= 2100;
    }

    private static boolean wholeUpTo(CopyTokens tokens, int i, int max) {
        String raw = tokens.raw(i);
        return raw.length() <= 2 && allDigits(raw) && Integer.parseInt(raw) >= 1 && Integer.parseInt(raw) <= max;
    }

    private static boolean allDigits(String raw) {
        return DIGITS.matcher(raw).matches();
    }
}
