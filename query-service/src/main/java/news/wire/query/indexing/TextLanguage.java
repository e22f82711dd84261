package news.wire.query.indexing;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The language an article is searched and counted by: the one enrich detected in its copy, else the one the wire
 * declared (its language subtag: "en-GB" is "en"), else English for a record of an enricher that detects languages
 * (it read the article as English). Absent for an older record without a declared language.
 */
public final class TextLanguage {

    /** The derived field in the index; not part of the record returned. */
    public static final String FIELD = "textLanguage";

    private TextLanguage() {
    }

    public static Optional<String> of(JsonNode article) {
        String detected = article.path("detectedLanguage").asText(null);
        if (detected != null && !detected.isBlank()) {
            return Optional.of(detected);
        }
        Optional<String> declared = subtag(article.path("language").asText(null));
        if (declared.isPresent()) {
            return declared;
        }
        return article.hasNonNull("languageCheck") ? Optional.of("en") : Optional.empty();
    }

    /** The language subtag of a BCP 47 tag, lower case; empty for none. */
    public static Optional<String> subtag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return language.isEmpty() ? Optional.empty() : Optional.of(language);
    }
}
