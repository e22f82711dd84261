package news.wire.ingest.feeds;

import java.util.Locale;

/** What a feed serves. RSS and Atom are both read with Rome, which tells them apart by itself. */
public enum FeedFormat {
    /** Not said at registration: JSON is read as ninjs, anything else as RSS or Atom. */
    AUTO,
    RSS,
    ATOM,
    /** A JSON array of ninjs items, or an object with an "items" array of them. */
    NINJS;

    /** The name clients use ("rss", "atom", "ninjs"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a client named, or null when it names none we read. */
    static FeedFormat byLabel(String label) {
        for (FeedFormat format : values()) {
            if (format.label().equalsIgnoreCase(label.strip())) {
                return format;
            }
        }
        return null;
    }
}
