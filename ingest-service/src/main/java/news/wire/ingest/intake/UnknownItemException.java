package news.wire.ingest.intake;

/** A withdrawal for an item this service never accepted. */
public class UnknownItemException extends RuntimeException {

    public UnknownItemException(String message) {
        super(message);
    }
}
