package news.wire.enrich.entities;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.Dateline;

/**
 * The place a story's dateline names ("KESTREL BAY, Nov 20 -"): a mention of that place, whatever the tagger made
 * of a line in capitals, and written in title case where the copy never spells it otherwise.
 */
final class DatelinePlace {

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private DatelinePlace() {
    }

    /** The dateline's place as a LOCATION span of the body, if the body opens with a dateline. */
    static Optional<NameSpan> in(String body) {
        return Dateline.place(body).map(place -> new int[] {place.start(), place.end()})
                .or(() -> afterHeading(body))
                .filter(place -> place[1] > place[0])
                .map(place -> new NameSpan(ArticleField.BODY, place[0], place[1], body.substring(place[0], place[1]),
                        EntityType.LOCATION));
    }

    /**
     * Copy pasted whole carries its headline as the body's first line, and the dateline opens the second. A first
     * line in capitals or title case is such a headline; one in sentence case is the story itself.
     */
    private static Optional<int[]> afterHeading(String body) {
        int lineEnd = body.indexOf('\n');
        String first = lineEnd < 0 ? "" : body.substring(0, lineEnd).strip();
        if (first.isEmpty() || !first.equals(first.toUpperCase(Locale.ROOT)) && !HeadlineCase.isTitleCase(first)) {
            return Optional.empty();
        }
        int next = lineEnd + 1;
        return Dateline.place(body.substring(next)).map(p -> new int[] {next + p.start(), next + p.end()});
    }

    /** "KESTREL BAY" → "Kestrel Bay", "AL-AIN" → "Al-Ain", "U.S." stays. */
    static String titleCase(String capitals) {
        Matcher m = LETTERS.matcher(capitals);
        StringBuilder written = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            m.appendReplacement(written, Matcher.quoteReplacement(
                    word.substring(0, 1) + word.substring(1).toLowerCase(Locale.ROOT)));
        }
        m.appendTail(written);
        return written.toString();
    }
}
