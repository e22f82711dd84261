package news.wire.query.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A read key as stored in the {@value ApiKeys#INDEX} index, whose document id is the key's SHA-256: the secret itself
 * is never stored.
 */
public record ApiKey(UUID id, String label, Instant createdAt, Instant revokedAt) {

    public boolean live() {
        return revokedAt == null;
    }
}
