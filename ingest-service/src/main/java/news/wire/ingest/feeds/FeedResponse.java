package news.wire.ingest.feeds;

/**
 * A feed server's answer to one conditional GET.
 *
 * @param status the HTTP status
 * @param body the body (empty for a 304), at most ingest.feeds.max-feed-size bytes
 * @param contentType the Content-Type header, or null
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header verbatim (it is sent back as If-Modified-Since unparsed), or null
 */
public record FeedResponse(int status, byte[] body, String contentType, String etag, String lastModified) {

    public boolean notModified() {
        return status == PollResult.NOT_MODIFIED;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
