package news.wire.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.wire.enrich.copy.ArticleField;

/**
 * A name the tagger found once is a name wherever the article writes it again the same way. The CRF judges each
 * sentence alone and misses some repeats ("Parnevik" tagged after a first name, left untagged on its own later).
 */
final class RepeatedNames {

    private RepeatedNames() {
    }

    /** The body's spans with every further use of a tagged name's exact spelling added, in order. */
    static List<NameSpan> addTo(String body, List<NameSpan> spans) {
        ClaimedText taken = new ClaimedText(body.length());
        Map<String, EntityType> types = new HashMap<>();
        Map<String, List<String>> byFirstWord = new HashMap<>();
        for (NameSpan span : spans) {
            taken.claimAnyway(span.start(), span.end());
            String form = span.text();
            if (repeatable(form) && wordChar(form.charAt(0)) && types.putIfAbsent(form, span.type()) == null) {
                byFirstWord.computeIfAbsent(form.substring(0, wordEnd(form, 0)), w -> new ArrayList<>()).add(form);
            }
        }
        byFirstWord.values().forEach(forms -> forms.sort(Comparator.comparingInt(String::length).reversed()));
        List<NameSpan> all = new ArrayList<>(spans);
        // One pass over the body's words, each looked up by its first word: a long article names hundreds of things,
        // and a search per name would read it hundreds of times.
        for (int i = 0; i < body.length(); i++) {
            if (!wordChar(body.charAt(i)) || i > 0 && joined(body.charAt(i - 1))) {
                continue;
            }
            int end = wordEnd(body, i);
            for (String form : byFirstWord.getOrDefault(body.substring(i, end), List.of())) {
                int formEnd = i + form.length();
                if (body.startsWith(form, i) && (formEnd == body.length() || !joined(body.charAt(formEnd)))
                        && taken.claim(i, formEnd)) {
                    all.add(new NameSpan(ArticleField.BODY, i, formEnd, form, types.get(form)));
                    break;
                }
            }
            i = end - 1;
        }
        all.sort(Comparator.comparingInt(NameSpan::start));
        return all;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** A letter, digit or hyphen next to a name makes it part of a longer word: "Dublin" in "Dublin-born". */
    private static boolean joined(char c) {
        return wordChar(c) || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && wordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Names in capitals come from tables and headlines, where the same letters also spell other things; a single
     * word that is also a calendar or function word ("May" for Theresa May) would tag every date.
     */
    private static boolean repeatable(String name) {
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String key = NameLexicon.key(name);
        return name.contains(" ") || !NameLexicon.isCalendarWord(key) && !NameLexicon.NOT_NAMES.contains(key);
    }
}
