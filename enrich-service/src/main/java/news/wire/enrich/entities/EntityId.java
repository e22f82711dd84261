package news.wire.enrich.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An entity's readable id, {@code <type>:<slug of its canonical name>} ("person:joe-biden"), alike in every article.
 *
 * <p>The slug drops what varies between outlets writing the same name and never tells two entities apart, so the
 * variants share one id while each article keeps the name it printed: a leading "The", an organisation's legal form
 * ("Microsoft Corp." and "Microsoft"), British and American spelling ("Betty Ford Centre" and "Betty Ford Center"),
 * and the abbreviated "Mt", "St" and "Ft" of place names ("Mt Cook" and "Mount Cook").
 */
public final class EntityId {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // Full stops and apostrophes sit inside a word ("U.S.", "O'Brien"): dropping them keeps the word whole.
    private static final Pattern INSIDE_WORD = Pattern.compile("[.'’]");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private EntityId() {
    }

    /** Legal forms closing a company's name; they stay in its canonical name, not in its id. */
    private static final Set<String> LEGAL_FORMS = Set.of("co", "corp", "corporation", "inc", "incorporated", "ltd",
            "limited", "plc", "llc", "llp", "lp", "ag", "sa", "nv", "gmbh", "spa");
    /** One spelling per word where British and American spelling differ in names of institutions and places. */
    private static final Map<String, String> SPELLINGS = Map.of("centre", "center", "centres", "centers",
            "theatre", "theater", "organisation", "organization", "organisations", "organizations",
            "defence", "defense");
    /** Abbreviations that open place names ("Mt Cook", "St Louis", "Ft Worth"). */
    private static final Map<String, String> PLACE_WORDS = Map.of("mt", "mount", "st", "saint", "ft", "fort");

    public static String of(EntityType type, String name) {
        return type.name().toLowerCase(Locale.ROOT) + ":" + identifying(type, slug(name));
    }

    /** The slug without the parts that vary between outlets writing one name (see the class comment). */
    static String identifying(EntityType type, String slug) {
        List<String> words = new ArrayList<>(Arrays.asList(slug.split("-")));
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        if (type == EntityType.ORGANIZATION) {
            while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            word = SPELLINGS.getOrDefault(word, word);
            if (type == EntityType.LOCATION) {
                word = PLACE_WORDS.getOrDefault(word, word);
            }
            words.set(i, word);
        }
        return String.join("-", words);
    }

    /** "Hewlett-Packard" → "hewlett-packard", "U.S." → "us", "Zürich" → "zurich"; letters of any script stay. */
    static String slug(String name) {
        String folded = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String slug = MARKS.matcher(folded).replaceAll("");
        slug = INSIDE_WORD.matcher(slug).replaceAll("");
        slug = BETWEEN_WORDS.matcher(slug).replaceAll("-");
        slug = EDGE_DASHES.matcher(slug).replaceAll("");
        // A name of symbols alone ("&") has no slug; its code points still make an id that is stable and unique.
        return slug.isEmpty()
                ? name.codePoints().mapToObj(c -> "u" + Integer.toHexString(c)).collect(Collectors.joining("-"))
                : slug;
    }
}
