package news.wire.ingest.intake;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Wire copy in our own simple JSON form, as posted to {@code POST /v1/articles}. */
public record ArticleSubmission(
        @NotBlank @Size(max = 1_000) String headline,
        @NotBlank String body,
        @NotBlank @Size(max = 200) String source,
        @NotNull OffsetDateTime publishedAt,
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or en-GB")
        String language) {
}
