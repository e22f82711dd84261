package news.wire.ingest.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.wire.ingest.intake.Article;
import news.wire.ingest.intake.ArticleVersion;
import news.wire.ingest.intake.IntakeOutcome;
import news.wire.ingest.intake.IntakeResult;
import news.wire.ingest.intake.IntakeStatus;

/** What ingest-service tells a client about an article it accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeView(
        UUID id,
        int version,
        IntakeStatus status,
        IntakeOutcome outcome,
        String source,
        String sourceItemId,
        String headline,
        Instant publishedAt,
        Instant receivedAt,
        Instant embargoedUntil,
        List<VersionView> versions) {

    /** One entry of the article's history. */
    public record VersionView(int version, IntakeOutcome change, String headline, Integer providerVersion,
                              Instant receivedAt) {
    }

    static IntakeView of(IntakeResult result) {
        return of(result.article(), result.outcome(), null);
    }

    static IntakeView withHistory(Article article, List<ArticleVersion> history) {
        List<VersionView> versions = history.stream()
                .map(v -> new VersionView(v.version, v.change, v.headline, v.providerVersion, v.receivedAt))
                .toList();
        return of(article, null, versions);
    }

    private static IntakeView of(Article article, IntakeOutcome outcome, List<VersionView> versions) {
        return new IntakeView(article.id, article.version, article.status, outcome, article.source,
                article.sourceItemId, article.headline, article.publishedAt, article.receivedAt,
                article.embargoedUntil, versions);
    }
}
