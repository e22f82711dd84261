package news.wire.enrich.api;

/** A request body over the preview's size limit (413). */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
