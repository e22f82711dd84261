package news.wire.ingest.feeds;

/**
 * What one poll of a feed found. A failed poll may still have stored some items before it failed; their counts
 * are kept so the feed's totals stay true.
 *
 * @param status the HTTP status of the response, or null when none came (connection refused, timeout)
 * @param etag the response's ETag, or null
 * @param lastModified the response's Last-Modified, verbatim, or null
 * @param seen entries read from the feed
 * @param created entries that became new articles or new versions
 * @param skipped entries that could not be used (no headline or body, unreadable)
 * @param error why the poll failed, or null when it succeeded
 */
public record PollResult(Integer status, String etag, String lastModified, int seen, int created, int skipped,
                         String error) {

    static final int NOT_MODIFIED = 304;

    static PollResult notModified(String etag, String lastModified) {
        return new PollResult(NOT_MODIFIED, etag, lastModified, 0, 0, 0, null);
    }

    static PollResult failed(Integer status, String error) {
        return new PollResult(status, null, null, 0, 0, 0, error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
