package news.wire.query.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When one name can stand for another of the same real-world entity: a person by surname or given name ("Biden",
 * "Lindsay"), an organisation by its first word or its initials ("Hewlett", "HP" for "Hewlett-Packard"), a place by
 * its initials. Pure rules on names; whether the context makes the short form unambiguous is decided elsewhere.
 */
public final class ShortForms {

    /** Words an acronym may leave out ("FBI" for Federal Bureau of Investigation) or keep ("BoE"). */
    private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "de", "du", "la", "von", "van", "&");

    /** Last words that name a kind of organisation, not one: "Bank" alone is no short form of "Marfin Bank". */
    private static final Set<String> GENERIC_HEADS = Set.of("bank", "group", "company", "co", "corp", "corporation",
            "inc", "ltd", "plc", "party", "university", "college", "school", "council", "ministry", "department",
            "agency", "association", "foundation", "institute", "club", "team", "league", "union", "committee",
            "commission", "court", "police", "army", "force", "forces", "airlines", "airways", "services", "hospital",
            "center", "centre", "news", "times", "post", "press", "network", "board", "authority", "office", "house");
    /** Words that say what kind of place a name is: "Qeshm" is "Qeshm Island", "Hormozgan" is "Hormozgan Province". */
    private static final Set<String> GEOGRAPHIC = Set.of("island", "islands", "isle", "bay", "river", "lake",
            "mountain", "mountains", "county", "province", "state", "region", "valley", "peninsula", "strait", "city",
            "district", "desert", "sea", "gulf", "coast", "canyon", "volcano");

    /** Generational suffixes after a person's surname ("Jr." loses its full stop in {@link #words}). */
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s\\-\u2010\u2011\u2013]+");

    private ShortForms() {
    }

    /** The lowercase words of a name, accents off, full stops and apostrophes dropped, split at spaces and hyphens. */
    public static List<String> words(String name) {
        String plain = name;
        if (!name.chars().allMatch(c -> c <= 0x7f)) {
            plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        }
        plain = plain.toLowerCase(Locale.ROOT).replace(".", "").replace("'", "").replace("\u2019", "");
        List<String> words = new ArrayList<>();
        for (String word : BETWEEN_WORDS.split(plain)) {
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

    /**
     * True when the shorter name can stand for the fuller one, both of the given type: a person by surname or given
     * name, by one of the given names and the surname ("Regina Benjamin" or "Joseph Comeaux" for "Arcade Joseph
     * Comeaux"), by a familiar given name ("Mo Cheeks" for "Maurice Cheeks") or without "Jr." or "III"; an
     * organisation by its initials, its first word, its last word unless that is a generic head ("Bluejays" for
     * "Creighton Bluejays", never "Bank" for "Marfin Bank") or its last words ("Red Sox"); a place by its initials,
     * its name without a geographic word ("Qeshm" for "Qeshm Island") or its last words ("Mount Cook").
     */
    public static boolean standsFor(String shortName, String fullName, String type) {
        return standsFor(shortName, words(shortName), words(fullName), type);
    }

    /** The same, with both names already split into {@link #words} (a name tried against many is split once). */
    static boolean standsFor(String shortName, List<String> small, List<String> full, String type) {
        if (type.equals("PERSON")) {
            return personStandsFor(small, full);
        }
        if (small.isEmpty() || small.size() >= full.size()) {
            return false;
        }
        String first = full.get(0);
        if (small.size() > 1) {
            return switch (type) {
                case "ORGANIZATION", "LOCATION" -> endsWithWhole(full, small);
                default -> false;
            };
        }
        String word = small.get(0);
        boolean initials = isInitials(shortName) && word.length() >= 2
                && (word.equals(initials(full, true)) || word.equals(initials(full, false)));
        return switch (type) {
            // An acronym is a name of its own: "GATT" is not the "GATT Council".
            case "ORGANIZATION" -> initials || word.length() >= 3 && !isInitials(shortName)
                    && (word.equals(first) || endsWithWhole(full, small) && !GENERIC_HEADS.contains(word));
            case "LOCATION" -> initials || word.equals(first) && GEOGRAPHIC.containsAll(full.subList(1, full.size()));
            default -> false;
        };
    }

    /** The person rules of {@link #standsFor}; a generational suffix ("Jr.", "III") is set aside on both sides. */
    private static boolean personStandsFor(List<String> small, List<String> full) {
        List<String> name = withoutSuffix(small);
        List<String> fuller = withoutSuffix(full);
        if (name.isEmpty() || fuller.size() < 2) {
            return false;
        }
        if (name.equals(fuller)) {
            return small.size() < full.size();
        }
        String first = fuller.get(0);
        String last = fuller.get(fuller.size() - 1);
        if (name.size() == 1) {
            return name.get(0).equals(first) || name.get(0).equals(last);
        }
        if (name.size() != 2 || !name.get(1).equals(last)) {
            return false;
        }
        String given = name.get(0);
        return GivenNames.isFamiliarFormOf(given, first)
                || fuller.size() > 2 && (given.equals(first) || fuller.subList(1, fuller.size() - 1).contains(given));
    }

    /** A person's words without a trailing generational suffix, which says which of two namesakes, not who. */
    private static List<String> withoutSuffix(List<String> words) {
        return words.size() > 2 && SUFFIXES.contains(words.get(words.size() - 1))
                ? words.subList(0, words.size() - 1) : words;
    }

    /**
     * True when the last words of the full name are the short one and the word before them does not join it to
     * something else: "Red Sox" ends "Boston Red Sox", but "International Monetary Fund" does not end "European Union
     * and International Monetary Fund", nor "Sciences" "Academy of Motion Picture Arts and Sciences".
     */
    private static boolean endsWithWhole(List<String> full, List<String> tail) {
        int start = full.size() - tail.size();
        return start > 0 && full.subList(start, full.size()).equals(tail) && !CONNECTORS.contains(full.get(start - 1));
    }

    /**
     * The keys of every shorter name this one could go by under {@link #standsFor}, so the registry can find the
     * full entity a short form stands for without an article having used both. A look-up by key is confirmed by
     * {@link #standsFor}, which also checks how the short form was written (initials in capitals).
     */
    public static List<String> shortKeys(String name, String type) {
        List<String> full = words(name);
        Set<String> keys = new java.util.LinkedHashSet<>();
        if (full.size() < 2) {
            return List.of();
        }
        switch (type) {
            // A lone surname or given name is looked up this way only when no article used the pair (aliases).
            case "PERSON" -> keys.addAll(personShortKeys(full));
            case "ORGANIZATION", "LOCATION" -> {
                // Not the first or last word: without the context of nearby articles, "Gulf" is no more "Gulf
                // Islands" than the Persian Gulf.
                keys.add(initials(full, true));
                keys.add(initials(full, false));
                for (int n = 2; n < full.size(); n++) {
                    keys.add(String.join(" ", full.subList(full.size() - n, full.size())));
                }
            }
            default -> {
                return List.of();
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The keys of every shorter name {@link #standsFor} may accept for this full name, to find the fuller entities a
     * name could stand for among many without trying each: a superset, confirmed by {@link #standsFor}.
     */
    public static List<String> possibleShortKeys(List<String> full) {
        if (full.size() < 2) {
            return List.of();
        }
        Set<String> keys = new java.util.LinkedHashSet<>(personShortKeys(full));
        keys.add(full.get(0));
        keys.add(full.get(full.size() - 1));
        keys.add(full.get(0) + " " + full.get(full.size() - 1));
        keys.add(initials(full, true));
        keys.add(initials(full, false));
        for (int n = 2; n < full.size(); n++) {
            keys.add(String.join(" ", full.subList(full.size() - n, full.size())));
        }
        return List.copyOf(keys);
    }

    /** The keys of the shorter names {@link #personStandsFor} accepts for a person's full name. */
    private static List<String> personShortKeys(List<String> full) {
        List<String> fuller = withoutSuffix(full);
        Set<String> keys = new java.util.LinkedHashSet<>();
        String first = fuller.get(0);
        String last = fuller.get(fuller.size() - 1);
        if (fuller.size() < full.size()) {
            keys.add(String.join(" ", fuller));
        }
        keys.add(first);
        keys.add(last);
        for (int i = 0; fuller.size() > 2 && i < fuller.size() - 1; i++) {
            keys.add(fuller.get(i) + " " + last);
        }
        GivenNames.familiarForms(first).forEach(familiar -> keys.add(familiar + " " + last));
        return List.copyOf(keys);
    }

    /** "HP", "U.S.", "BoE": a capital first, letters only, possibly with full stops, and nothing else. */
    private static boolean isInitials(String name) {
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                continue;
            }
            if (!Character.isLetter(c) || letters == 0 && !Character.isUpperCase(c)) {
                return false;
            }
            letters++;
            capitals += Character.isUpperCase(c) ? 1 : 0;
        }
        return letters >= 2 && capitals >= 2;
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
