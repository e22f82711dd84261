package news.wire.ingest.api;

import java.time.Instant;
import java.util.UUID;

import news.wire.ingest.intake.Article;
import news.wire.ingest.intake.IntakeStatus;

/** What ingest-service tells a client about an article it accepted. */
public record IntakeView(
        UUID id,
        int version,
        IntakeStatus status,
        String source,
        String headline,
        Instant publishedAt,
        Instant receivedAt) {

    static IntakeView of(Article article) {
        return new IntakeView(article.id, article.version, article.status, article.source, article.headline,
                article.publishedAt, article.receivedAt);
    }
}
