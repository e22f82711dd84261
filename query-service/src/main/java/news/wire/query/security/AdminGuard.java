package news.wire.query.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

import news.wire.query.config.QueryConfig;

/** Guards key administration with the admin token sent in X-Admin-Token. */
@ApplicationScoped
public class AdminGuard {

    /** The header administrators send their token in. */
    public static final String HEADER = "X-Admin-Token";

    private final Optional<String> adminToken;

    public AdminGuard(QueryConfig config) {
        this.adminToken = config.auth().adminToken().filter(token -> !token.isBlank());
    }

    /** Always needs the token, whether keys are on or off, and is closed when none is configured. */
    public void require(String token) {
        String expected = adminToken.orElseThrow(() -> new ForbiddenException(
                "Administration is closed: set query.auth.admin-token (QUERY_AUTH_ADMIN_TOKEN)"));
        // Constant-time comparison: response timing must not reveal how much of a guess was right.
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("A valid " + HEADER + " is required");
        }
    }
}
