package news.wire.enrich.security;

/**
 * The keys cannot be checked or changed yet: the key topic has not been read to its end since start, or Kafka did
 * not take a change (503). A valid key must not be refused as unknown only because this instance is starting.
 */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(String message) {
        super(message);
    }
}
