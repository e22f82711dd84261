package news.wire.ingest.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.wire.ingest.formats.ProviderSubject;

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
}
