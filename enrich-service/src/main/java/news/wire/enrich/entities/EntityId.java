package news.wire.enrich.entities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An entity's readable id, {@code <type>:<slug of its canonical name>} ("person:joe-biden"), alike in every article. */
public final class EntityId {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // Full stops and apostrophes sit inside a word ("U.S.", "O'Brien"): dropping them keeps the word whole.
    private static final Pattern INSIDE_WORD = Pattern.compile("[.'’]");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private EntityId() {
    }

    public static String of(EntityType type, String name) {
        return type.name().toLowerCase(Locale.ROOT) + ":" + slug(name);
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
