package news.wire.deploy.reuters;

/** A request ingest-service did not answer properly: no connection, a timeout, a 5xx, or an unreadable answer. */
public final class IngestFailure extends Exception {

    private final boolean unreachable;

    IngestFailure(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    IngestFailure(String message) {
        this(message, false, null);
    }

    /** No connection could be made: the service is not there, and further requests would fail the same way. */
    public boolean unreachable() {
        return unreachable;
    }
}
