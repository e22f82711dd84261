package news.wire.ingest.api;

/** A request or batch line over the configured size limit (413). */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
