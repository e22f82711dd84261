package news.wire.ingest.intake;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import news.wire.ingest.formats.WireItem;

/** Wire copy in our own simple JSON form, as posted to {@code POST /v1/articles} or one line of a batch. */
public record ArticleSubmission(
        @NotBlank @Size(max = 1_000) String headline,
        @NotBlank String body,
        @NotBlank @Size(max = 200) String source,
        @NotNull OffsetDateTime publishedAt,
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or en-GB")
        String language,
        @Size(max = 500) String sourceItemId,
        @Min(1) Integer version,
        OffsetDateTime embargoedUntil,
        @Size(max = 1_000) String byline) {

    /** The same item in the form every format is read into. */
    public WireItem toWireItem() {
        return new WireItem(sourceItemId, version, source, headline, body, language, publishedAt.toInstant(), null,
                byline, List.of(), List.of(), List.of(), List.of(), WireItem.PubStatus.USABLE,
                embargoedUntil == null ? null : embargoedUntil.toInstant());
    }
}
