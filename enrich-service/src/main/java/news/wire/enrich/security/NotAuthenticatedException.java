package news.wire.enrich.security;

/** No API key, or one that is unknown or revoked (401). */
public class NotAuthenticatedException extends RuntimeException {

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
