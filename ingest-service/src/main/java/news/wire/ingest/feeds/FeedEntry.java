package news.wire.ingest.feeds;

import news.wire.ingest.formats.WireItem;

/**
 * One entry of a feed: a wire item ready for intake, or the reason it cannot be one.
 *
 * @param item the item, credited to the feed's outlet when it names none; null when skipped
 * @param skipped why the entry is not used, or null
 */
public record FeedEntry(WireItem item, String skipped) {

    static FeedEntry skipped(String reason) {
        return new FeedEntry(null, reason);
    }

    /** The entry for a read item: usable with a headline and a body, or as a kill that names the item it withdraws. */
    static FeedEntry of(WireItem item, String feedSource) {
        boolean kill = item.pubStatus() == WireItem.PubStatus.WITHDRAWN;
        if (kill && item.sourceItemId() == null && (item.headline() == null || item.body() == null)) {
            return skipped("a withdrawal that does not say which item it withdraws");
        }
        if (!kill && item.headline() == null) {
            return skipped("no headline");
        }
        if (!kill && item.body() == null) {
            return skipped("no body");
        }
        if (item.source() != null) {
            return new FeedEntry(item, null);
        }
        return new FeedEntry(new WireItem(item.sourceItemId(), item.providerVersion(), feedSource, item.headline(),
                item.body(), item.language(), item.publishedAt(), item.versionCreated(), item.byline(),
                item.subjects(), item.people(), item.organisations(), item.places(), item.pubStatus(),
                item.embargoedUntil()), null);
    }

    public boolean usable() {
        return item != null;
    }
}
