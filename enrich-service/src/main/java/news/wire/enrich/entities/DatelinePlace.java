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
        return Dateline.place(body)
                .filter(place -> place.end() > place.start())
                .map(place -> new NameSpan(ArticleField.BODY, place.start(), place.end(),
                        body.substring(place.start(), place.end()), EntityType.LOCATION));
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
