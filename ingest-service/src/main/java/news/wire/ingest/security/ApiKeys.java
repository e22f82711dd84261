package news.wire.ingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Issues, looks up and revokes the API keys of sources. */
@ApplicationScoped
public class ApiKeys {

    /** Marks our keys in logs and secret scanners. */
    private static final String PREFIX = "wk_";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ApiKeys(Clock clock) {
        this.clock = clock;
    }

    /** A key as issued: the secret is shown this once and never stored. */
    public record IssuedKey(UUID id, String source, String label, String key, Instant createdAt) {
    }

    @Transactional
    public IssuedKey issue(String source, String label) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey stored = new ApiKey();
        stored.id = UUID.randomUUID();
        stored.source = source;
        stored.label = label;
        stored.keyHash = hash(key);
        stored.createdAt = Instant.now(clock);
        stored.persist();
        return new IssuedKey(stored.id, source, label, key, stored.createdAt);
    }

    /** The contributor a presented key identifies, if it is a live key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Contributor> holderOf(String presentedKey, String address) {
        return ApiKey.findActive(hash(presentedKey)).map(k -> Contributor.ofKey(k.id, k.source, address));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> listFor(String source) {
        return ApiKey.listFor(source);
    }

    /** Revokes a key of this source; false when there is no such key. */
    @Transactional
    public boolean revoke(String source, UUID id) {
        return ApiKey.<ApiKey>findByIdOptional(id)
                .filter(k -> k.source.equals(source))
                .map(k -> {
                    if (k.revokedAt == null) {
                        k.revokedAt = Instant.now(clock);
                    }
                    return true;
                })
                .orElse(false);
    }

    /** Keys are 256 random bits, so a plain SHA-256 (no salt, no stretching) cannot be reversed or guessed. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
