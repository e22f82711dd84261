package news.wire.ingest.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import news.wire.ingest.background.Backoff;

/** A registered feed: where it is, whose copy it carries, and how its polls have gone. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    /** Enough of a failure to tell what went wrong, short enough that a feed's status stays readable. */
    private static final int MAX_ERROR = 1_000;

    @Id
    public UUID id;

    public String url;

    /** The outlet credited with the feed's items when they do not name one. */
    public String source;

    @Enumerated(EnumType.STRING)
    public FeedFormat format;

    @Column(name = "poll_interval_ms")
    public long pollIntervalMillis;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Validators from the last full response, sent back so an unchanged feed costs the publisher a 304. */
    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "items_seen")
    public long itemsSeen;

    @Column(name = "new_items")
    public long newItems;

    @Column(name = "items_skipped")
    public long itemsSkipped;

    @Column(name = "last_new_item_at")
    public Instant lastNewItemAt;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    /** When the feed is next due; while a poll runs, the end of that poll's claim. */
    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    static Feed of(FeedRegistration.Checked registration, Instant now) {
        Feed feed = new Feed();
        feed.id = UUID.randomUUID();
        feed.url = registration.url();
        feed.source = registration.source();
        feed.format = registration.format();
        feed.pollIntervalMillis = registration.pollInterval().toMillis();
        feed.createdAt = now;
        // A new feed is polled at once: whoever registers it wants to see it work.
        feed.nextPollAt = now;
        return feed;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMillis);
    }

    /** Takes in the outcome of a poll and schedules the next one, further out after each consecutive failure. */
    void record(PollResult result, Instant at, Duration maxBackoff) {
        lastPolledAt = at;
        lastStatus = result.status();
        itemsSeen += result.seen();
        newItems += result.created();
        itemsSkipped += result.skipped();
        if (result.created() > 0) {
            lastNewItemAt = at;
        }
        if (!result.succeeded()) {
            consecutiveFailures++;
            lastError = result.error().length() <= MAX_ERROR ? result.error() : result.error().substring(0, MAX_ERROR);
            nextPollAt = at.plus(Backoff.after(pollInterval(), consecutiveFailures, maxBackoff));
            // Validators stay as they were: the content they describe is still the last we stored in full.
            return;
        }
        consecutiveFailures = 0;
        lastError = null;
        nextPollAt = at.plus(pollInterval());
        if (result.status() != null && result.status() == PollResult.NOT_MODIFIED) {
            // A 304 may refresh the validators, and never clears them.
            etag = result.etag() != null ? result.etag() : etag;
            lastModified = result.lastModified() != null ? result.lastModified() : lastModified;
        } else {
            etag = result.etag();
            lastModified = result.lastModified();
        }
    }

    public static Optional<Feed> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    public static List<Feed> listByRegistration() {
        return listAll(Sort.by("createdAt").and("id"));
    }

    /**
     * Claims up to {@code limit} due feeds for one poller: their next poll moves to {@code claimUntil}, so no
     * other poller (in this instance or another) takes them while they are fetched. SKIP LOCKED lets concurrent
     * claims pass each other instead of queueing on the same rows.
     */
    @SuppressWarnings("unchecked")
    static List<UUID> claimDue(Instant now, Instant claimUntil, int limit) {
        List<UUID> due = getEntityManager()
                .createNativeQuery("select id from feed where next_poll_at <= ?1 order by next_poll_at limit ?2 "
                        + "for update skip locked", UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        if (!due.isEmpty()) {
            update("nextPollAt = ?1 where id in ?2", claimUntil, due);
        }
        return due;
    }
}
