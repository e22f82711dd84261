package news.wire.enrich.dates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/** One field's text read against its publication time: what a resolver may ask about the words around a match. */
final class Reading {

    private static final Pattern QUARTER = Pattern.compile("(?i)quarter");
    /** How far back an earnings story's "quarter" still frames a later "a year ago". */
    private static final int QUARTER_REACH = 600;

    final String text;
    final LocalDateTime published;
    final LocalDate today;

    Reading(String text, ZonedDateTime published) {
        this.text = text;
        this.published = published.toLocalDateTime();
        this.today = published.toLocalDate();
    }

    boolean future(int start, int end) {
        return TenseCue.future(text, start, end);
    }

    boolean plainlyPast(int start, int end) {
        return TenseCue.plainlyPast(text, start, end);
    }

    /** The word just before {@code start}, lower-cased, or "" at the start of the text. */
    String wordBefore(int start) {
        return text.substring(wordStartBefore(start), start).strip().toLowerCase(Locale.ROOT);
    }

    /** Where the word just before {@code start} begins ({@code start} itself when only space or a sign is there). */
    int wordStartBefore(int start) {
        int begin = start;
        while (begin > 0 && Character.isWhitespace(text.charAt(begin - 1))) {
            begin--;
        }
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return begin;
    }

    char charBefore(int start) {
        return start == 0 ? ' ' : text.charAt(start - 1);
    }

    /** Earnings copy compares quarters: there "a year ago" means the same quarter a year back. */
    boolean aboutQuarters(int start, int end) {
        return QUARTER.matcher(text).region(Math.max(0, start - QUARTER_REACH), Math.min(text.length(), end + 100))
                .find();
    }
}
