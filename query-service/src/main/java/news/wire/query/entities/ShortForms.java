package news.wire.query.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When one name can stand for another of the same real-world entity: a person by surname or given name ("Biden",
 * "Lindsay"), an organisation by its first word or its initials ("Hewlett", "HP" for "Hewlett-Packard"), a place by
 * its initials. Pure rules on names; whether the context makes the short form unambiguous is decided elsewhere.
 */
public final class ShortForms {

    /** Words an acronym may leave out ("FBI" for Federal Bureau of Investigation) or keep ("BoE"). */
    private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "de", "du", "la", "von", "van", "&");

    private ShortForms() {
    }

    /** The lowercase words of a name, accents off, full stops and apostrophes dropped, split at spaces and hyphens. */
    public static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace(".", "").replace("'", "").replace("\u2019", "");
        List<String> words = new ArrayList<>();
        for (String word : plain.split("[\\s\\-\u2010\u2011\u2013]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The form in which the registry keeps and looks up a name: its words joined by single spaces. */
    public static String key(String name) {
        return String.join(" ", words(name));
    }

    /** A name of one word ("Biden", "HP", "U.S."), which may stand for a longer name of the same entity. */
    public static boolean isShort(String name) {
        return words(name).size() == 1;
    }

    /** True when the short name can stand for the full one, both of the given type. */
    public static boolean standsFor(String shortName, String fullName, String type) {
        List<String> small = words(shortName);
        List<String> full = words(fullName);
        if (small.size() != 1 || full.size() < 2) {
            return false;
        }
        String word = small.get(0);
        boolean initials = isInitials(shortName) && word.length() >= 2
                && (word.equals(initials(full, true)) || word.equals(initials(full, false)));
        return switch (type) {
            case "PERSON" -> word.equals(full.get(0)) || word.equals(full.get(full.size() - 1));
            case "ORGANIZATION" -> initials || (word.length() >= 3 && word.equals(full.get(0)));
            case "LOCATION" -> initials;
            default -> false;
        };
    }

    /** "HP", "U.S.", "BoE": a capital first, letters only, possibly with full stops, and nothing else. */
    private static boolean isInitials(String name) {
        String letters = name.replace(".", "");
        return letters.length() >= 2 && letters.chars().allMatch(Character::isLetter)
                && Character.isUpperCase(letters.charAt(0)) && letters.chars().filter(Character::isUpperCase).count() >= 2;
    }

    private static String initials(List<String> words, boolean skipConnectors) {
        StringBuilder initials = new StringBuilder();
        for (String word : words) {
            if (!skipConnectors || !CONNECTORS.contains(word)) {
                initials.append(word.charAt(0));
            }
        }
        return initials.toString();
    }
}
