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

    /**
     * Claims the oldest unsent messages that may be published now, in the order they were accepted, for the
     * caller's transaction: their rows and their articles stay locked until it ends, and other relays (in this
     * instance or another) pass them by (SKIP LOCKED) instead of publishing them too or queueing behind them.
     *
     * <p>A message is eligible only while no earlier unsent message of its article exists, so a later version waits
     * until whichever relay holds the earlier one has had it acknowledged and marked sent: two relays never publish
     * an article's versions out of order. Each pass therefore takes at most one message per article.
     *
     * <p>The article is locked too, because the relay's {@link OutboxPublished} observer updates it: intake locks an
     * article and then deletes its unsent rows, so a relay holding rows and waiting for the article would deadlock
     * against it. Claiming both up front, skipping what is locked, means the relay never waits for intake. NO KEY
     * UPDATE leaves intake free to insert new outbox rows referencing the article (the foreign key's KEY SHARE).
     */
    @SuppressWarnings("unchecked")
    public static List<OutboxMessage> claimPending(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        select o.* from outbox_message o join article a on a.id = o.article_id
                        where o.sent_at is null and o.available_at <= ?1
                          and not exists (select 1 from outbox_message earlier
                                          where earlier.article_id = o.article_id and earlier.sent_at is null
                                            and earlier.id < o.id)
                        order by o.id
                        limit ?2
                        for no key update of o, a skip locked""", OutboxMessage.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
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
