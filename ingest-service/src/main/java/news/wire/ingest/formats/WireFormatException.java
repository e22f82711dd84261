package news.wire.ingest.formats;

/** Input that cannot be read as the format it claims to be; the message says what is wrong, for a 400. */
public class WireFormatException extends RuntimeException {

    /** A stable key per kind of problem (e.g. "malformed-xml", "dtd-refused", "invalid-charset"). */
    private final String kind;

    public WireFormatException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WireFormatException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
