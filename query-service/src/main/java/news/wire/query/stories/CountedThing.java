package news.wire.query.stories;

import java.util.Locale;
import java.util.Map;

/**
 * The thing a figure counts, in one form for all outlets: lowercase, last word in the singular ("Hostages" and
 * "hostage" are one row, "person" and "people" too; "Palestinian civilians" stays apart from "civilians", since
 * the qualifier may matter).
 * No synonyms here: "detainees" and "hostages" are not always the same people; {@link FiguresTable} joins such rows
 * only where the sources give the same figure.
 */
final class CountedThing {

    private static final Map<String, String> IRREGULAR = Map.of("people", "people", "person", "people", "children", "child",
            "men", "man", "women", "woman", "lives", "life", "police", "police", "news", "news", "series", "series");

    private CountedThing() {
    }

    static String of(String counted) {
        String plain = counted.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        int space = plain.lastIndexOf(' ');
        return plain.substring(0, space + 1) + singular(plain.substring(space + 1));
    }

    static String singular(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
