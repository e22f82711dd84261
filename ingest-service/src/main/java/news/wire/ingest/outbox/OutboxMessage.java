package news.wire.ingest.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A message waiting to be published to Kafka, written in the same transaction as the article it carries. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public UUID articleId;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    /** The message, or null for a withdrawal: a tombstone for the article's key. */
    @Column(columnDefinition = "text")
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Not published before this time (an embargo); the creation time otherwise. */
    @Column(name = "available_at")
    public Instant availableAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** W3C trace context of the request that wrote the row; null for rows written outside a span, or before V5. */
    public String traceparent;

    public String tracestate;

    /** The oldest unsent messages that may be published now, in the order they were accepted. */
    public static List<OutboxMessage> pending(Instant now, int limit) {
        return find("sentAt is null and availableAt <= ?1", Sort.by("id"), now).range(0, limit - 1).list();
    }

    /** Drops an article's unsent messages: a newer state of the article supersedes them. */
    public static long discardPending(UUID articleId) {
        return delete("articleId = ?1 and sentAt is null", articleId);
    }

    /** Number of messages not yet acknowledged by Kafka. */
    public static long backlog() {
        return count("sentAt is null");
    }

    /** Since when the oldest message that may be published now has been waiting; empty when none is. */
    public static Optional<Instant> oldestPublishable(Instant now) {
        // The partial index on (available_at, id) of unsent rows answers this from its first entry.
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(m.availableAt) from OutboxMessage m where m.sentAt is null and m.availableAt <= :now",
                        Instant.class)
                .setParameter("now", now)
                .getSingleResult());
    }

    public static int markSent(Collection<Long> ids, Instant sentAt) {
        return update("sentAt = ?1 where id in ?2", sentAt, ids);
    }
}
