package news.wire.ingest.feeds;

import java.util.UUID;

/** Fired when a feed is registered; observed after commit to poll it at once rather than at the next tick. */
public record FeedRegistered(UUID feedId) {
}
