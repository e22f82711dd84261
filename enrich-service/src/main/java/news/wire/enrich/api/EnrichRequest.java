package news.wire.enrich.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An article to enrich synchronously: the text and the publication time dates are read against. */
public record EnrichRequest(@NotBlank String headline, @NotBlank String body, @NotNull OffsetDateTime publishedAt,
                            String source, String language) {
}
