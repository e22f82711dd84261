package news.wire.ingest.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import news.wire.ingest.formats.WireItem;
import news.wire.ingest.outbox.ArticleOutbox;
import news.wire.ingest.outbox.MessageTooLargeException;
import news.wire.ingest.outbox.OutboxPublished;
import news.wire.ingest.outbox.RawArticleMessage;
import news.wire.ingest.tracing.ArticleMdc;

/**
 * Decides what a submission is (new article, new version, duplicate, stale version, withdrawal) and records it
 * with its outbox message in one transaction, so nothing is published that was not stored, and nothing stored
 * is lost.
 */
@ApplicationScoped
public class IntakeService {

    /** PostgreSQL's unique_violation: another request created the same item between our look-up and insert. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final ArticleOutbox outbox;
    private final Clock clock;

    public IntakeService(ArticleOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Accepts one wire item; once this returns, the outcome survives a crash and will reach Kafka. */
    public IntakeResult accept(WireItem item) {
        IntakeResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> decide(item));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Lost a race to create the same item: now it exists, so this attempt finds and locks it.
            result = QuarkusTransaction.requiringNew().call(() -> decide(item));
        }
        logAccepted(result);
        return result;
    }

    /**
     * Accepts a group of items in one transaction: one commit (one WAL flush) for the lot is what makes bulk
     * intake fast. If the group fails (an item intake refuses, a lost race), each item is retried on its own so
     * that one bad item never fails its neighbours. Results are in the order of the items.
     */
    public List<IntakeAttempt> acceptAll(List<WireItem> items) {
        try {
            List<IntakeAttempt> attempts = QuarkusTransaction.requiringNew().call(() -> {
                List<IntakeAttempt> decided = new ArrayList<>(items.size());
                for (WireItem item : items) {
                    decided.add(IntakeAttempt.of(decide(item)));
                }
                return decided;
            });
            attempts.forEach(attempt -> logAccepted(attempt.result()));
            return attempts;
        } catch (RuntimeException groupFailed) {
            List<IntakeAttempt> attempts = new ArrayList<>(items.size());
            for (WireItem item : items) {
                try {
                    attempts.add(IntakeAttempt.of(accept(item)));
                } catch (RuntimeException e) {
                    attempts.add(IntakeAttempt.failed(e));
                }
            }
            return attempts;
        }
    }

    private IntakeResult decide(WireItem item) {
        String source = item.source().strip();
        if (item.pubStatus() == WireItem.PubStatus.WITHDRAWN) {
            // A kill may carry only the provider's id of the item it withdraws.
            String hash = item.headline() == null || item.body() == null ? null
                    : ContentHash.of(item.headline().strip(), item.body().strip());
            Article known = Article.findSameItem(source, item.sourceItemId(), hash)
                    .orElseThrow(() -> new UnknownItemException("Withdrawal of an item never accepted from "
                            + source + ": " + (item.sourceItemId() != null ? item.sourceItemId() : item.headline())));
            return withdraw(known, item.providerVersion());
        }
        String headline = item.headline().strip();
        String body = item.body().strip();
        String hash = ContentHash.of(headline, body);
        Optional<Article> existing = Article.findSameItem(source, item.sourceItemId(), hash);
        if (existing.isEmpty()) {
            return create(item, source, headline, body, hash);
        }
        Article article = existing.get();
        if (isOlder(item.providerVersion(), article.providerVersion)) {
            return new IntakeResult(article, IntakeOutcome.STALE);
        }
        if (hash.equals(article.contentHash) && article.status != IntakeStatus.WITHDRAWN
                && !isOlder(article.providerVersion, item.providerVersion())) {
            return new IntakeResult(article, IntakeOutcome.DUPLICATE);
        }
        return newVersion(article, item, headline, body, hash);
    }

    /** Withdraws an article by our id (a kill sent through our own API). */
    public IntakeResult withdraw(UUID id) {
        IntakeResult result = QuarkusTransaction.requiringNew().call(() -> {
            Article article = Article.<Article>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> new UnknownItemException("No article with id " + id));
            return withdraw(article, null);
        });
        logAccepted(result);
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> find(UUID id) {
        return Article.findByIdOptional(id);
    }

    /** Every accepted change of the article, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleVersion> history(UUID id) {
        return ArticleVersion.of(id);
    }

    private IntakeResult create(WireItem item, String source, String headline, String body, String hash) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.version = 1;
        article.source = source;
        article.sourceItemId = item.sourceItemId();
        apply(article, item, headline, body, hash);
        article.persist();
        record(article, IntakeOutcome.CREATED);
        queue(article);
        return new IntakeResult(article, IntakeOutcome.CREATED);
    }

    private IntakeResult newVersion(Article article, WireItem item, String headline, String body, String hash) {
        article.version++;
        apply(article, item, headline, body, hash);
        record(article, IntakeOutcome.NEW_VERSION);
        // Only the newest state matters downstream: an older version still waiting (say, embargoed) must not
        // be published after this one.
        outbox.discardPending(article.id);
        queue(article);
        return new IntakeResult(article, IntakeOutcome.NEW_VERSION);
    }

    private IntakeResult withdraw(Article article, Integer providerVersion) {
        if (article.status == IntakeStatus.WITHDRAWN) {
            return new IntakeResult(article, IntakeOutcome.DUPLICATE);
        }
        article.version++;
        article.status = IntakeStatus.WITHDRAWN;
        if (providerVersion != null) {
            article.providerVersion = providerVersion;
        }
        article.receivedAt = Instant.now(clock);
        record(article, IntakeOutcome.WITHDRAWN);
        // A kill is never embargoed, and nothing older may reach readers after it.
        outbox.discardPending(article.id);
        outbox.appendWithdrawal(article.id, article.receivedAt);
        return new IntakeResult(article, IntakeOutcome.WITHDRAWN);
    }

    /** Queues the article's current version for Kafka; one Kafka would not take is refused, rolling back its intake. */
    private void queue(Article article) {
        RawArticleMessage message = new RawArticleMessage(RawArticleMessage.SCHEMA, article.id, article.version,
                article.source, article.headline, article.body, article.language, article.sourceItemId, article.byline,
                article.publishedAt, article.receivedAt, article.versionCreated, article.subjects, article.people,
                article.organisations, article.places);
        try {
            outbox.append(message, article.embargoedUntil);
        } catch (MessageTooLargeException e) {
            throw new InvalidItemException(List.of(new InvalidItemException.Violation("body", e.getMessage())));
        }
    }

    /** Kafka acknowledged these articles' messages: they are published, unless withdrawn since. */
    void onPublished(@Observes OutboxPublished published) {
        Article.markPublished(published.articleIds());
    }

    private void apply(Article article, WireItem item, String headline, String body, String hash) {
        Instant now = Instant.now(clock);
        article.headline = headline;
        article.body = body;
        article.contentHash = hash;
        article.language = item.language();
        article.byline = item.byline();
        article.versionCreated = item.versionCreated();
        article.subjects = item.subjects();
        article.people = item.people();
        article.organisations = item.organisations();
        article.places = item.places();
        article.publishedAt = item.publishedAt() != null ? item.publishedAt() : now;
        article.providerVersion = item.providerVersion();
        article.embargoedUntil = item.embargoedUntil();
        article.receivedAt = now;
        article.status = item.embargoedUntil() != null && item.embargoedUntil().isAfter(now)
                ? IntakeStatus.EMBARGOED : IntakeStatus.STORED;
    }

    private static void record(Article article, IntakeOutcome change) {
        ArticleVersion version = new ArticleVersion();
        version.articleId = article.id;
        version.version = article.version;
        version.contentHash = article.contentHash;
        version.headline = article.headline;
        version.providerVersion = article.providerVersion;
        version.change = change;
        version.receivedAt = article.receivedAt;
        version.persist();
    }

    /**
     * One line per submission, once its outcome is committed: the first stop of an article an operator follows by
     * its id or trace id (the trace id is the request's or the feed poll's, and travels on with the message).
     * Submissions that changed nothing are DEBUG: a feed without validators hands every item in again each poll.
     */
    private static void logAccepted(IntakeResult result) {
        Logger.Level level = result.outcome().changed() ? Logger.Level.INFO : Logger.Level.DEBUG;
        if (!LOG.isEnabled(level)) {
            return;
        }
        Article article = result.article();
        try (ArticleMdc mdc = ArticleMdc.put(article.id)) {
            LOG.logf(level, "Accepted: %s, version %d, source %s", result.outcome(), article.version, article.source);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOlder(Integer candidate, Integer held) {
        return candidate != null && held != null && candidate < held;
    }
}
