package news.wire.enrich.enrichment;

/** A message that can never be enriched as it stands: it goes to the dead-letter topic, not back for retry. */
public class UnsupportedMessageException extends RuntimeException {

    public UnsupportedMessageException(String message) {
        super(message);
    }
}
