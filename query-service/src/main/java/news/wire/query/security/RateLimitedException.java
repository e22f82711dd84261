package news.wire.query.security;

/** A reader called faster than its rate limit allows (429); the refused request was not served. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the reader's bucket holds a token again, for the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
