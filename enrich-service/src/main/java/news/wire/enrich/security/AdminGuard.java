package news.wire.enrich.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

import news.wire.enrich.config.EnrichConfig;

/** Guards key administration with the admin token sent in X-Admin-Token. */
@ApplicationScoped
public class AdminGuard {

    /** The header administrators send their token in. */
    public static final String HEADER = "X-Admin-Token";

    private final Optional<String> adminToken;

    public AdminGuard(EnrichConfig config) {
        this.adminToken = config.auth().adminToken().filter(token -> !token.isBlank());
    }

    /** Always needs the token, and is closed when none is configured. */
    public void require(String token) {
        String expected = adminToken.orElseThrow(() -> new ForbiddenException(
                "Administration is closed: set enrich.auth.admin-token (ENRICH_AUTH_ADMIN_TOKEN)"));
        // Constant-time comparison: response timing must not reveal how much of a guess was right.
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("A valid " + HEADER + " is required");
        }
    }
}
