package news.wire.ingest.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import news.wire.ingest.outbox.ArticleOutbox;

/** Accepts submissions: stores the article and its outbox message in one transaction. */
@ApplicationScoped
@Transactional
public class IntakeService {

    private final ArticleOutbox outbox;
    private final Clock clock;

    public IntakeService(ArticleOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores a new article; once this returns, the article survives a crash and will reach Kafka. */
    public Article accept(ArticleSubmission submission) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.version = 1;
        article.source = submission.source().strip();
        article.headline = submission.headline().strip();
        article.body = submission.body().strip();
        article.language = submission.language();
        article.publishedAt = submission.publishedAt().toInstant();
        article.receivedAt = Instant.now(clock);
        article.status = IntakeStatus.STORED;
        article.persist();
        // Same transaction as the article: either both exist or neither, so nothing is published that was not stored.
        outbox.append(article);
        return article;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> find(UUID id) {
        return Article.findByIdOptional(id);
    }
}
