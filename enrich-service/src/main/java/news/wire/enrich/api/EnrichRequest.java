package news.wire.enrich.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An article to enrich synchronously: the text and the publication time dates are read against. The headline may be
 * missing or blank (people paste a body alone; it is enriched with an empty headline) and has ingest's limit; the
 * body is capped so one preview keeps the entity tagger a few seconds, not minutes. {@code publishedAt} may be a date
 * alone, read as that day's start in UTC.
 */
public record EnrichRequest(@Size(max = 1_000) String headline, @NotBlank @Size(max = 200_000) String body,
                            @NotNull @JsonDeserialize(using = PublicationTimeDeserializer.class)
                            OffsetDateTime publishedAt,
                            String source, String language) {

    /** The headline to enrich: empty when none was given, so no tag is found in it. */
    public String headlineOrEmpty() {
        return headline == null || headline.isBlank() ? "" : headline;
    }
}
