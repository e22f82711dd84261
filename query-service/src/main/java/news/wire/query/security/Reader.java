package news.wire.query.security;

import java.util.UUID;

/**
 * Who is reading: the API key presented, or, while keys are off, only the client's address.
 *
 * @param keyId the key's id (never its secret); null while keys are off
 * @param address the client's IP address as the server saw it
 */
public record Reader(UUID keyId, String address) {

    public static Reader ofKey(UUID keyId, String address) {
        return new Reader(keyId, address);
    }

    public static Reader ofAddress(String address) {
        return new Reader(null, address);
    }

    public boolean hasKey() {
        return keyId != null;
    }
}
