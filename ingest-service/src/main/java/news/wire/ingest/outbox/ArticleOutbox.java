package news.wire.ingest.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.tracing.StoredTrace;

/** Writes the outbox row for an article; publishing it is the relay's job. */
@ApplicationScoped
public class ArticleOutbox {

    private final ObjectMapper json;
    private final String topic;
    private final long maxMessageBytes;
    private final Event<OutboxAppended> appended;

    public ArticleOutbox(ObjectMapper json, IngestConfig config, Event<OutboxAppended> appended) {
        this.json = json;
        this.topic = config.topic().name();
        this.maxMessageBytes = config.topic().maxMessageSize().asLongValue();
        this.appended = appended;
    }

    /**
     * Queues the article's current version, held back until its embargo if it has one. Must join the caller's
     * transaction: the outbox row is only as durable as the article beside it.
     *
     * @throws MessageTooLargeException when Kafka would not take the message
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(RawArticleMessage message, Instant embargoedUntil) {
        Instant now = message.receivedAt() != null ? message.receivedAt() : Instant.now();
        Instant availableAt = embargoedUntil != null && embargoedUntil.isAfter(now) ? embargoedUntil : now;
        String payload = serialise(message);
        requirePublishable(payload);
        persist(message.id(), payload, now, availableAt);
    }

    /** Queues a tombstone (null payload) for the article's key: downstream deletes the article. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendWithdrawal(UUID articleId, Instant receivedAt) {
        Instant now = receivedAt != null ? receivedAt : Instant.now();
        persist(articleId, null, now, now);
    }

    /** Drops the article's messages not yet sent; the caller is about to queue a newer state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardPending(UUID articleId) {
        OutboxMessage.discardPending(articleId);
    }

    private void persist(UUID articleId, String payload, Instant createdAt, Instant availableAt) {
        OutboxMessage message = new OutboxMessage();
        message.articleId = articleId;
        message.topic = topic;
        // Keyed by article id so every version of an article lands on one partition, in order.
        message.messageKey = articleId.toString();
        message.payload = payload;
        message.createdAt = createdAt;
        message.availableAt = availableAt;
        // The request's trace goes into the row, so the message is published in that trace however late.
        StoredTrace trace = StoredTrace.current();
        message.traceparent = trace.traceparent();
        message.tracestate = trace.tracestate();
        message.persist();
        appended.fire(new OutboxAppended(articleId));
    }

    /**
     * Refuses (rolling back the intake) an article whose message Kafka would not take. RawMessageSize makes sure at
     * startup that no article within the intake limits comes near; this is the backstop, because a row the relay
     * can never publish would hold up every row after it.
     */
    private void requirePublishable(String payload) {
        long bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes + RawMessageSize.ENVELOPE > maxMessageBytes) {
            throw new MessageTooLargeException("too long to publish: the article's message would take " + bytes
                    + " bytes, more than ingest.topic.max-message-size allows");
        }
    }

    private String serialise(RawArticleMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise article " + message.id(), e);
        }
    }
}
