package news.wire.ingest.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.intake.Article;
import news.wire.ingest.tracing.StoredTrace;

/** Writes the outbox row for an article; publishing it is the relay's job. */
@ApplicationScoped
public class ArticleOutbox {

    private final ObjectMapper json;
    private final String topic;
    private final Event<OutboxAppended> appended;

    public ArticleOutbox(ObjectMapper json, IngestConfig config, Event<OutboxAppended> appended) {
        this.json = json;
        this.topic = config.topic().name();
        this.appended = appended;
    }

    /**
     * Queues the article's current version, held back until its embargo if it has one. Must join the caller's
     * transaction: the outbox row is only as durable as the article beside it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Article article) {
        Instant now = article.receivedAt != null ? article.receivedAt : Instant.now();
        Instant availableAt = article.embargoedUntil != null && article.embargoedUntil.isAfter(now)
                ? article.embargoedUntil : now;
        persist(article, serialise(RawArticleMessage.of(article)), now, availableAt);
    }

    /** Queues a tombstone (null payload) for the article's key: downstream deletes the article. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendWithdrawal(Article article) {
        Instant now = article.receivedAt != null ? article.receivedAt : Instant.now();
        persist(article, null, now, now);
    }

    /** Drops the article's messages not yet sent; the caller is about to queue a newer state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardPending(UUID articleId) {
        OutboxMessage.discardPending(articleId);
    }

    private void persist(Article article, String payload, Instant createdAt, Instant availableAt) {
        OutboxMessage message = new OutboxMessage();
        message.articleId = article.id;
        message.topic = topic;
        // Keyed by article id so every version of an article lands on one partition, in order.
        message.messageKey = article.id.toString();
        message.payload = payload;
        message.createdAt = createdAt;
        message.availableAt = availableAt;
        // The request's trace goes into the row, so the message is published in that trace however late.
        StoredTrace trace = StoredTrace.current();
        message.traceparent = trace.traceparent();
        message.tracestate = trace.tracestate();
        message.persist();
        appended.fire(new OutboxAppended(article.id));
    }

    private String serialise(RawArticleMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise article " + message.id(), e);
        }
    }
}
