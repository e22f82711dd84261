package news.wire.ingest.security;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.ingest.config.IngestConfig;

/** Decides whether the caller may submit copy for a source: each API key speaks for exactly one source. */
@ApplicationScoped
public class SourceAuthorizer {

    /** The header clients send their key in. */
    public static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final boolean enabled;

    public SourceAuthorizer(ApiKeys keys, IngestConfig config) {
        this.keys = keys;
        this.enabled = config.auth().enabled();
    }

    /**
     * Who is calling: the key and the source it speaks for, or only the client's address when authentication is
     * switched off; checked before the body is read, so an anonymous client learns nothing about our formats.
     */
    public Contributor authenticate(String presentedKey, String clientAddress) {
        if (!enabled) {
            return Contributor.ofAddress(clientAddress);
        }
        if (presentedKey == null || presentedKey.isBlank()) {
            throw new NotAuthenticatedException("An API key is required in the " + HEADER + " header");
        }
        return keys.holderOf(presentedKey.strip(), clientAddress)
                .orElseThrow(() -> new NotAuthenticatedException("The API key is unknown or revoked"));
    }

    /** Refuses copy for a source other than the key's; a no-op when authentication is off. */
    public void authorize(String keySource, String itemSource) {
        if (enabled && !keySource.equals(itemSource)) {
            throw new WrongSourceException("This API key may submit for '" + keySource + "', not for '" + itemSource + "'");
        }
    }
}
