package news.wire.enrich.entities;

import static news.wire.enrich.entities.NameLexicon.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells a headline or a subhead written in title case, where capitals say nothing about names, from one in sentence
 * case.
 */
final class HeadlineCase {

    /**
     * Three to twenty words with the punctuation of a web page's title or a kicker ("Prediction: Red Sox Will Nab
     * Teixeira", "Lohan Leaves Betty Ford, Checks Into Rehab", "'Armed and Dangerous' Inmate on the Loose!"), but no
     * figures and no full stop at the end: a sentence of running text ends in one, and results and line-ups carry
     * figures.
     */
    private static final Pattern SUBHEAD_WORDS = Pattern.compile(
            "[\"'‘“(]*\\p{L}[\\p{L}\\p{M}'’.&-]*[\"'’”),:;]*"
                    + "(?:[ \\t]+(?:[\\p{Pd}|&]+[ \\t]+)?[\"'‘“(]*[\\p{L}&][\\p{L}\\p{M}'’.&-]*[\"'’”),:;]*){2,19}[?!]*");

    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’-]*");

    private HeadlineCase() {
    }

    /** True when most words that could be lower case are capitalised ("Storm Hits Coast As Crews Wait"). */
    static boolean isTitleCase(String headline) {
        int words = 0;
        int capitalised = 0;
        for (String word : headline.split("[\\s\\p{Pd}]+")) {
            if (word.isEmpty() || !Character.isLetter(word.codePointAt(0))) {
                continue;
            }
            String lower = NameLexicon.key(word);
            // Short function words stay lower case in many house styles' title case, so they do not count.
            if (lower.length() <= 3 && NameLexicon.NOT_NAMES.contains(lower)) {
                continue;
            }
            words++;
            if (Character.isUpperCase(word.codePointAt(0))) {
                capitalised++;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 8;
    }

    /**
     * The body's name spans less those in a subhead ("Crews Wait As Storm Nears Coast", a line of its own in title
     * case) whose name the running text never uses: a subhead's capitals make the tagger see names in plain words.
     */
    static List<NameSpan> withoutSubheadFragments(String body, List<NameSpan> spans) {
        List<int[]> subheads = subheads(body, spans);
        if (subheads.isEmpty()) {
            return spans;
        }
        Set<String> inRunningText = spans.stream().filter(s -> !inside(subheads, s))
                .map(s -> key(s.text())).collect(Collectors.toSet());
        return spans.stream().filter(s -> !inside(subheads, s) || inRunningText.contains(key(s.text()))).toList();
    }

    /**
     * Lines of the body in title case made of words alone, with no sentence end. Lines with figures are results and
     * line-ups ("Tim Henman (Britain) beat Doug Flach (U.S.) 6-3"), names all through. A line all in capitals is no
     * subhead either: it says nothing about case, and the tagger, trained on wire copy with such headlines, reads it
     * well.
     */
    private static List<int[]> subheads(String body, List<NameSpan> spans) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            end = end < 0 ? body.length() : end;
            String line = body.substring(start, end).strip();
            if (SUBHEAD_WORDS.matcher(line).matches() && !line.endsWith(".")
                    && !line.equals(line.toUpperCase(Locale.ROOT))
                    && isTitleCase(line) && capitalisesPlainWords(body, start, end, spans)) {
                lines.add(new int[] {start, end});
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * Whether the line capitalises a word the tagger did not take for a name ("Strikes", "As"), or the tagger took
     * the whole line for one name: a line of names joined by plain words ("Czech Republic at Germany") is a fixture
     * list, not a subhead.
     */
    private static boolean capitalisesPlainWords(String body, int start, int end, List<NameSpan> spans) {
        String line = body.substring(start, end);
        int first = start + line.indexOf(line.strip());
        int last = first + line.strip().length();
        if (spans.stream().anyMatch(s -> s.start() <= first && last <= s.end())) {
            return true;
        }
        Matcher word = CAPITALISED.matcher(body).region(start, end);
        while (word.find()) {
            int from = word.start();
            int to = word.end();
            if (spans.stream().noneMatch(s -> s.start() <= from && to <= s.end())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<int[]> lines, NameSpan span) {
        return lines.stream().anyMatch(line -> span.start() >= line[0] && span.end() <= line[1]);
    }
}
