package news.wire.enrich.api;

/** A body that is not what its Content-Type says; {@code kind} is the problem type's last part. */
public class UnreadableRequestException extends RuntimeException {

    private final String kind;
    private final int status;

    public UnreadableRequestException(String kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public String kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
