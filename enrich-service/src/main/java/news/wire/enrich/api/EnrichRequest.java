package news.wire.enrich.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An article to enrich synchronously: the text and the publication time dates are read against. The headline has
 * ingest's limit; the body is capped so one preview keeps the entity tagger a few seconds, not minutes.
 */
public record EnrichRequest(@NotBlank @Size(max = 1_000) String headline, @NotBlank @Size(max = 200_000) String body,
                            @NotNull OffsetDateTime publishedAt,
                            String source, String language) {
}
