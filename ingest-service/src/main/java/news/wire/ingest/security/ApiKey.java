package news.wire.ingest.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** An API key that lets one source submit its wire copy; stored as a hash, revocable. */
@Entity
@Table(name = "source_api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    public String source;

    @Column(name = "key_hash")
    public String keyHash;

    public String label;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiKey> findActive(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    public static List<ApiKey> listFor(String source) {
        return list("source", Sort.by("createdAt"), source);
    }
}
