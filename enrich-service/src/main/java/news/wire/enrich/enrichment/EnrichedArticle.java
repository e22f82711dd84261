package news.wire.enrich.enrichment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.wire.enrich.dates.DateMention;
import news.wire.enrich.entities.Entity;
import news.wire.enrich.languages.LanguageCheck;
import news.wire.enrich.numbers.NumberMention;

/**
 * The {@code article.enriched/v1} message (contract: deploy/schemas/article.enriched.v1.json). What the provider said
 * about the article (byline, version time, subjects, tagged names) is the raw message's, unchanged: left out when
 * the raw message had none, so a replayed old message is enriched into what it was before. {@code language} is the
 * wire's declared tag, unchanged; {@code detectedLanguage} what the copy reads as, and {@code languageCheck} how the
 * two compare.
 */
public record EnrichedArticle(
        String schema,
        UUID id,
        int version,
        String source,
        String headline,
        String body,
        String language,
        String detectedLanguage,
        LanguageCheck languageCheck,
        Instant publishedAt,
        Instant receivedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String byline,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant versionCreated,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProviderSubject> subjects,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> people,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> organisations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> places,
        List<Entity> entities,
        List<NumberMention> numbers,
        List<DateMention> dates,
        Enricher enricher,
        Instant enrichedAt) {

    public static final String SCHEMA = "article.enriched/v1";
}
