package news.wire.enrich.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A read key as its record in the key topic holds it: the SHA-256 of the key, never the key. A revocation is the
 * same record again with {@code revokedAt}; compaction keeps the latest.
 */
public record ApiKey(UUID id, String label, String keyHash, Instant createdAt, Instant revokedAt) {

    public boolean live() {
        return revokedAt == null;
    }
}
