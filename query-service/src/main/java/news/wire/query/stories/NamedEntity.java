package news.wire.query.stories;

import java.util.List;
import java.util.Locale;

/**
 * An entity of an article as story matching sees it: its id (null from enrichers before ids), type, canonical name
 * split into lowercase words, and its weight in the article (salience times how much the type says about an event).
 */
public record NamedEntity(String id, String type, String name, List<String> words, double weight, String matchKey) {

    /** Types that say who and where; MISC (nationalities such as "Israeli", events, works) is too loose to match on. */
    static final List<String> MATCHED_TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");

    static NamedEntity of(String id, String type, String name, double salience) {
        List<String> words = words(name);
        // Entities sameAs() can join share their type and last word (or their id): EntityMatches files them so.
        String matchKey = type + "|" + (words.isEmpty() ? "" : last(words));
        return new NamedEntity(id, type, name, words, salience * typeWeight(type), matchKey);
    }

    /**
     * The same id is the same entity (short forms resolved across articles, "U.S." and "United States" alike).
     * Otherwise, by name: a person is named in full once and by surname after ("Benjamin Netanyahu", then "Netanyahu"), and one outlet's
     * canonical name may be another's short form: same surname and, where both give one, the same first name.
     * Organisations and places must match exactly (after case and full stops), so "Washington" never matches
     * "Washington Post".
     */
    public boolean sameAs(NamedEntity other) {
        if (id != null && id.equals(other.id)) {
            return true;
        }
        // Type and last word are the match key: every pair joined below shares it, and most pairs tried do not.
        if (!matchKey.equals(other.matchKey) || words.isEmpty() || other.words.isEmpty()) {
            return false;
        }
        if (words.equals(other.words)) {
            return true;
        }
        if (!"PERSON".equals(type)) {
            return false;
        }
        return words.size() == 1 || other.words.size() == 1 || words.get(0).equals(other.words.get(0));
    }

    /** Places are the weakest evidence: countries and capitals recur across unrelated stories. */
    static double typeWeight(String type) {
        return switch (type) {
            case "PERSON" -> 1.0;
            case "ORGANIZATION" -> 0.8;
            case "LOCATION" -> 0.6;
            default -> 0.0;
        };
    }

    private static List<String> words(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replace(".", "").replace("'", "").replace("\u2019", "")
                .replace('-', ' ').trim();
        return plain.isEmpty() ? List.of() : List.of(plain.split("\\s+"));
    }

    private static String last(List<String> words) {
        return words.get(words.size() - 1);
    }
}
