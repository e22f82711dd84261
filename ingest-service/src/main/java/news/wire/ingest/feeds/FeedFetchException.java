package news.wire.ingest.feeds;

/** No usable response came from a feed server: it could not be reached, was too slow, or sent too much. */
public class FeedFetchException extends RuntimeException {

    public FeedFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
