package news.wire.ingest.security;

import java.util.UUID;

/**
 * Who sent a request: the API key and the source it speaks for, or, while keys are off, only the client's address.
 *
 * @param source the key's source; null while keys are off, when an item names its own
 * @param keyId the key's id (never its secret); null while keys are off
 * @param address the client's IP address as the server saw it
 */
public record Contributor(String source, UUID keyId, String address) {

    /** A caller that presented a live key. */
    public static Contributor ofKey(UUID keyId, String source, String address) {
        return new Contributor(source, keyId, address);
    }

    /** A caller known only by its address: API keys are switched off. */
    public static Contributor ofAddress(String address) {
        return new Contributor(null, null, address);
    }

    public boolean hasKey() {
        return keyId != null;
    }
}
