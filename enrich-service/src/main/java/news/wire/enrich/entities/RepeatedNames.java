package news.wire.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        boolean[] taken = new boolean[body.length()];
        Map<String, EntityType> forms = new LinkedHashMap<>();
        for (NameSpan span : spans) {
            Arrays.fill(taken, span.start(), span.end(), true);
            if (repeatable(span.text())) {
                forms.putIfAbsent(span.text(), span.type());
            }
        }
        List<String> longestFirst = new ArrayList<>(forms.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        List<NameSpan> all = new ArrayList<>(spans);
        for (String form : longestFirst) {
            // A hyphen joins words into one: "Dublin" in "Dublin-born" is not a use of the name.
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}\\p{Pd}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}\\p{Pd}])")
                    .matcher(body);
            while (m.find()) {
                if (free(taken, m.start(), m.end())) {
                    all.add(new NameSpan(ArticleField.BODY, m.start(), m.end(), form, forms.get(form)));
                }
            }
        }
        all.sort(Comparator.comparingInt(NameSpan::start));
        return all;
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

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        Arrays.fill(taken, start, end, true);
        return true;
    }
}
