package news.wire.ingest.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.AvailableHints;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import news.wire.ingest.formats.ProviderSubject;

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

    /** The provider's own id of the item, when the format carries one. */
    @Column(name = "source_item_id")
    public String sourceItemId;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "provider_version")
    public Integer providerVersion;

    @Column(name = "embargoed_until")
    public Instant embargoedUntil;

    @Column(columnDefinition = "text")
    public String byline;

    /** When the provider made the version held, when its format says. */
    @Column(name = "version_created")
    public Instant versionCreated;

    /** The provider's subject codes, and below the names it tagged the item with: what the wire sent, as sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProviderSubject> subjects = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> people = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> organisations = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> places = List.of();

    /**
     * The article this item already is, locked for the caller's transaction: by the provider's item id when
     * it gives one, else by identical text from the same source.
     */
    public static Optional<Article> findSameItem(String source, String sourceItemId, String contentHash) {
        PanacheQuery<Article> query = sourceItemId != null
                ? find("source = ?1 and sourceItemId = ?2", source, sourceItemId)
                : find("source = ?1 and sourceItemId is null and contentHash = ?2", source, contentHash);
        // No flush before this look-up: flushing per item would defeat JDBC batching of a group's inserts. Two
        // copies of one item in one group then meet on the unique index at commit, and the group is retried
        // item by item (IntakeService.acceptAll), where the second finds the first.
        return query.withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(AvailableHints.HINT_FLUSH_MODE, FlushModeType.COMMIT)
                .firstResultOptional();
    }

    /** Marks articles as acknowledged by Kafka; withdrawn ones stay withdrawn. Returns how many rows changed. */
    public static int markPublished(Collection<UUID> ids) {
        return update("status = ?1 where id in ?2 and status in (?3, ?4)", IntakeStatus.PUBLISHED, ids,
                IntakeStatus.STORED, IntakeStatus.EMBARGOED);
    }
}
