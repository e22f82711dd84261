package news.wire.ingest.api;

import java.time.Instant;
import java.util.UUID;

import news.wire.ingest.feeds.Feed;

/**
 * What ingest-service tells a client about a registered feed and how its polls are going. Fields with no value
 * yet (never polled, no error) are shown as null rather than left out, so every feed reads the same.
 *
 * @param pollInterval ISO-8601, e.g. PT1M
 * @param lastStatus the HTTP status of the last poll; null when no response came (connection refused, timeout)
 * @param itemsSeen entries read from the feed, over all polls
 * @param newItems entries that became new articles or new versions of articles
 * @param itemsSkipped entries that could not be used (no headline or body, unreadable)
 * @param nextPollAt when the feed is next due; further out after failures (back-off)
 */
public record FeedView(
        UUID id,
        String url,
        String source,
        String format,
        String pollInterval,
        Instant registeredAt,
        Instant lastPolledAt,
        Integer lastStatus,
        long itemsSeen,
        long newItems,
        long itemsSkipped,
        Instant lastNewItemAt,
        int consecutiveFailures,
        String lastError,
        Instant nextPollAt) {

    static FeedView of(Feed feed) {
        return new FeedView(feed.id, feed.url, feed.source, feed.format.label(), feed.pollInterval().toString(),
                feed.createdAt, feed.lastPolledAt, feed.lastStatus, feed.itemsSeen, feed.newItems, feed.itemsSkipped,
                feed.lastNewItemAt, feed.consecutiveFailures, feed.lastError, feed.nextPollAt);
    }
}
