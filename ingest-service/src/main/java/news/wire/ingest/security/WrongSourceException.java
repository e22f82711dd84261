package news.wire.ingest.security;

/** A valid key used for another source's copy (403). */
public class WrongSourceException extends RuntimeException {

    public WrongSourceException(String message) {
        super(message);
    }
}
