package news.wire.ingest.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.intake.Article;

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

    /** Must join the caller's transaction: the outbox row is only as durable as the article beside it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Article article) {
        OutboxMessage message = new OutboxMessage();
        message.articleId = article.id;
        message.topic = topic;
        // Keyed by article id so every version of an article lands on one partition, in order.
        message.messageKey = article.id.toString();
        message.payload = serialise(RawArticleMessage.of(article));
        message.createdAt = article.receivedAt != null ? article.receivedAt : Instant.now();
        message.persist();
        appended.fire(new OutboxAppended(1));
    }

    private String serialise(RawArticleMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise article " + message.id(), e);
        }
    }
}
