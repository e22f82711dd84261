package news.wire.query.watches;

import java.time.Instant;

/**
 * One announcement to one watch about one article version: {@code matched} (first time), {@code updated} (a new
 * version that still matches), {@code withdrawn} (the article was killed). {@code matchId} is stable, the same
 * however often the batch is indexed again, so a receiver can drop what it has seen. {@code seq} orders a watch's
 * matches: it only grows, and it is the id of a server-sent event.
 */
public record WatchMatch(String matchId, String watchId, String articleId, long version, String kind, long seq,
                         Instant matchedAt, String source, String headline, String publishedAt, String storyId) {

    public static final String MATCHED = "matched";
    public static final String UPDATED = "updated";
    public static final String WITHDRAWN = "withdrawn";

    /** The stable id of a watch's announcement of one version of an article, or of its withdrawal. */
    static String idOf(String watchId, String articleId, long version, String kind) {
        return watchId + ":" + articleId + ":" + version + (WITHDRAWN.equals(kind) ? ":withdrawn" : "");
    }
}
