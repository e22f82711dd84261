package news.wire.query.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.config.QueryConfig;

/**
 * Issues, looks up and revokes read keys, kept in Elasticsearch (index {@value #INDEX}) beside the articles they
 * read, so they survive restarts and every instance sees the same keys. A document's id is the SHA-256 of its key:
 * a lookup is a real-time get by id, with no refresh to wait for.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String INDEX = "api-keys-v1";
    /** Marks our read keys in logs and secret scanners (ingest's keys start wk_). */
    private static final String PREFIX = "wr_";
    /** Above this many remembered keys the memory starts again: a few extra gets, never a wrong answer. */
    private static final int MOST_REMEMBERED = 10_000;
    private static final int MOST_LISTED = 1_000;

    private final ElasticsearchClient client;
    private final long cacheNanos;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> live = new ConcurrentHashMap<>();
    private volatile boolean indexReady;

    public ApiKeys(ElasticsearchClient client, QueryConfig config) {
        this.client = client;
        this.cacheNanos = config.auth().keyCache().toNanos();
    }

    /** A key as issued: the secret is shown this once and never stored. */
    public record IssuedKey(UUID id, String label, String key, Instant createdAt) {
    }

    private record Remembered(UUID keyId, long until) {
    }

    public IssuedKey issue(String label) throws IOException {
        ensureIndex();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey stored = new ApiKey(UUID.randomUUID(), label, Instant.now(), null);
        // Refreshed before the answer: the new key is listed (a search) as soon as it is handed out.
        client.create(c -> c.index(INDEX).id(hash(key)).document(stored).refresh(Refresh.WaitFor));
        return new IssuedKey(stored.id(), label, key, stored.createdAt());
    }

    /** The id of the live key presented, if it is one. */
    public Optional<UUID> holderOf(String presentedKey) throws IOException {
        String hash = hash(presentedKey);
        Remembered remembered = live.get(hash);
        long now = System.nanoTime();
        if (remembered != null && now - remembered.until() < 0) {
            return Optional.of(remembered.keyId());
        }
        GetResponse<ApiKey> found;
        try {
            found = client.get(g -> g.index(INDEX).id(hash), ApiKey.class);
        } catch (ElasticsearchException e) {
            if (indexMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
        if (!found.found() || found.source() == null || !found.source().live()) {
            live.remove(hash);
            return Optional.empty();
        }
        if (live.size() >= MOST_REMEMBERED) {
            live.clear();
        }
        live.put(hash, new Remembered(found.source().id(), now + cacheNanos));
        return Optional.of(found.source().id());
    }

    /** All keys, live and revoked, oldest first (without secrets). */
    public List<ApiKey> list() throws IOException {
        try {
            return client.search(s -> s.index(INDEX).size(MOST_LISTED).sort(o -> o.field(f -> f.field("createdAt")
                    .order(SortOrder.Asc))), ApiKey.class).hits().hits().stream().map(Hit::source).toList();
        } catch (ElasticsearchException e) {
            if (indexMissing(e)) {
                return List.of();
            }
            throw e;
        }
    }

    /** Revokes a key; false when there is no such key. It stops at once here, within key-cache elsewhere. */
    public boolean revoke(UUID id) throws IOException {
        List<Hit<ApiKey>> hits;
        try {
            hits = client.search(s -> s.index(INDEX).size(1).query(q -> q.term(t -> t.field("id").value(id.toString()))),
                    ApiKey.class).hits().hits();
        } catch (ElasticsearchException e) {
            if (indexMissing(e)) {
                return false;
            }
            throw e;
        }
        if (hits.isEmpty()) {
            return false;
        }
        Hit<ApiKey> hit = hits.get(0);
        live.remove(hit.id());
        if (hit.source() != null && hit.source().live()) {
            ApiKey revoked = new ApiKey(hit.source().id(), hit.source().label(), hit.source().createdAt(),
                    Instant.now());
            client.index(i -> i.index(INDEX).id(hit.id()).document(revoked).refresh(Refresh.WaitFor));
        }
        // A check racing the revocation may have remembered the key again from the copy before it.
        live.remove(hit.id());
        return true;
    }

    private void ensureIndex() throws IOException {
        if (indexReady) {
            return;
        }
        if (!client.indices().exists(e -> e.index(INDEX)).value()) {
            try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/api-keys-index.json")) {
                client.indices().create(c -> c.index(INDEX).withJson(mapping));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        indexReady = true;
    }

    private static boolean indexMissing(ElasticsearchException e) {
        return "index_not_found_exception".equals(e.error().type());
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
