package news.wire.ingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

import news.wire.ingest.config.IngestConfig;

/** Guards administration (API keys, feed registrations) with the admin token sent in X-Admin-Token. */
@ApplicationScoped
public class AdminGuard {

    /** The header administrators send their token in. */
    public static final String HEADER = "X-Admin-Token";

    private final Optional<String> adminToken;
    private final boolean authEnabled;

    public AdminGuard(IngestConfig config) {
        this.adminToken = config.auth().adminToken();
        this.authEnabled = config.auth().enabled();
    }

    /** Key administration: always needs the token, and is closed when none is configured. */
    public void require(String token) {
        String expected = adminToken.orElseThrow(() -> new ForbiddenException(
                "Administration is closed: set ingest.auth.admin-token (INGEST_AUTH_ADMIN_TOKEN)"));
        // Constant-time comparison: response timing must not reveal how much of a guess was right.
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("A valid " + HEADER + " is required");
        }
    }

    /**
     * Feed registrations: a feed submits copy under the source it names, so with API keys on, registering one
     * is administration; with them off (a local demo), anyone may.
     */
    public void requireWhenAuthEnabled(String token) {
        if (authEnabled) {
            require(token);
        }
    }
}
