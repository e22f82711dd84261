package news.wire.ingest.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.wire.ingest.formats.ProviderSubject;
import news.wire.ingest.intake.Article;

/** The {@code article.raw/v1} message (contract: deploy/schemas/article.raw.v1.json). */
public record RawArticleMessage(
        String schema,
        UUID id,
        int version,
        String source,
        String headline,
        String body,
        String language,
        String sourceItemId,
        String byline,
        Instant publishedAt,
        Instant receivedAt,
        Instant versionCreated,
        List<ProviderSubject> subjects,
        List<String> people,
        List<String> organisations,
        List<String> places) {

    public static final String SCHEMA = "article.raw/v1";

    static RawArticleMessage of(Article article) {
        return new RawArticleMessage(SCHEMA, article.id, article.version, article.source, article.headline,
                article.body, article.language, article.sourceItemId, article.byline, article.publishedAt,
                article.receivedAt, article.versionCreated, article.subjects, article.people, article.organisations,
                article.places);
    }
}
