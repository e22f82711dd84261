package news.wire.ingest.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An article as ingest-service accepted and stored it: the durable record behind every message it publishes. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;

    public int version;

    public String source;

    public String headline;

    @Column(columnDefinition = "text")
    public String body;

    public String language;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public IntakeStatus status;

    /** Marks articles as acknowledged by Kafka; returns how many rows changed. */
    public static int markPublished(Collection<UUID> ids) {
        return update("status = ?1 where id in ?2 and status = ?3", IntakeStatus.PUBLISHED, ids, IntakeStatus.STORED);
    }
}
