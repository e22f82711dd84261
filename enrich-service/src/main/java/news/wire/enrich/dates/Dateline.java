package news.wire.enrich.dates;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wire.enrich.copy.MonthNames;

/**
 * The wire dateline that opens a story ("WASHINGTON, Oct 7 (Reuters) -", "LONDON 1996-08-30"). Its date is the
 * filing day, so it resolves to the occurrence nearest the publication time in either direction: a story filed
 * late on the 7th may be published on the 8th, and one filed on 31 December in the new year. Its place, in
 * capitals, is where the story was filed; the entity tagger reads it from here, so one pattern says what a
 * dateline is.
 */
public final class Dateline {

    // The place in capitals, an optional region ("AL-AIN, United Arab Emirates"), the date, the agency's credit.
    // A dateline without a date ("WASHINGTON (Reuters) -") still names its place, but only with the credit: a
    // body opening "BREAKING - ..." or "URGENT\n" is not filed from anywhere.
    private static final Pattern OPENING = Pattern.compile("\\A\\s*(?<place>[A-Z][A-Z.'’-]*(?:[ /][A-Z][A-Z.'’-]*){0,4})"
            + "(?:,\\s*[A-Z][A-Za-z.]*(?:\\s[A-Z][A-Za-z.]*){0,2})?(?:,?\\s+(?:"
            + "(?<iso>(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2}))"
            + "|(?<mon>" + MonthNames.PATTERN + ")\\s*(?<day>3[01]|[12]\\d|0?[1-9])(?![\\d:])(?:,?\\s+(?<year>\\d{4}))?))?"
            + "(?=\\s*(?<credit>\\([^)\\n]{1,40}\\)\\s*)?(?:[-–—]|\\n|\\z))");

    private Dateline() {
    }

    /** The place a dateline opening {@code text} names ("KESTREL BAY"), if it opens with one. */
    public static Optional<Place> place(String text) {
        return opening(text)
                .filter(m -> m.group("iso") != null || m.group("mon") != null || m.group("credit") != null)
                .map(m -> {
                    int end = m.end("place");
                    // Capitals run into a dash or quote set tight against the name ("LONDON- ..."); a full stop
                    // may end an abbreviation ("U.S."), so it stays.
                    while (end > m.start("place") && "'’-".indexOf(text.charAt(end - 1)) >= 0) {
                        end--;
                    }
                    return new Place(m.start("place"), end);
                });
    }

    private static Optional<Matcher> opening(String text) {
        Matcher m = OPENING.matcher(text);
        return m.lookingAt() ? Optional.of(m) : Optional.empty();
    }

    /** The dateline's date mention, if {@code text} opens with one. */
    static Optional<DatedSpan> find(String text, LocalDate published) {
        Optional<Matcher> opening = opening(text);
        if (opening.isEmpty() || opening.get().group("iso") == null && opening.get().group("mon") == null) {
            return Optional.empty();
        }
        Matcher m = opening.get();
        try {
            LocalDate date;
            int start;
            if (m.group("iso") != null) {
                date = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("mo")),
                        Integer.parseInt(m.group("d")));
                start = m.start("iso");
            } else {
                MonthDay day = MonthDay.of(MonthNames.number(m.group("mon")), Integer.parseInt(m.group("day")));
                date = m.group("year") != null ? day.atYear(Integer.parseInt(m.group("year"))) : closest(day, published);
                start = m.start("mon");
            }
            return Optional.of(new DatedSpan(start, m.end(), Timex.date(TimexValues.day(date))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate closest(MonthDay day, LocalDate published) {
        LocalDate best = day.atYear(published.getYear());
        for (int shift : new int[] {-1, 1}) {
            LocalDate other = day.atYear(published.getYear() + shift);
            if (Math.abs(other.toEpochDay() - published.toEpochDay()) < Math.abs(best.toEpochDay() - published.toEpochDay())) {
                best = other;
            }
        }
        return best;
    }

    /** Offsets [start, end) of a dateline's place in the text. */
    public record Place(int start, int end) {
    }

    /** A resolved span of the text. */
    record DatedSpan(int start, int end, Timex timex) {
    }
}
