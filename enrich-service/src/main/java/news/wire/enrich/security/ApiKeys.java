package news.wire.enrich.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.kafka.KafkaClients;

/**
 * Issues, looks up and revokes the read keys of POST /v1/enrich. enrich-service keeps no store of its own, so its keys
 * live in a compacted Kafka topic ({@code enrich.topics.api-keys}): one record per key, keyed by the key's id, holding
 * its SHA-256 and, once revoked, when. Every instance reads the topic from its start at boot and then follows it, so
 * keys survive restarts and a key issued or revoked through one instance reaches the others within a poll. Readiness
 * check {@code api-keys}: ready once the topic was read to its end (always, with keys off).
 */
@Readiness
@Default
@ApplicationScoped
public class ApiKeys implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    /** Marks enrich's read keys in logs and secret scanners (ingest's start wk_, query's wr_). */
    private static final String PREFIX = "we_";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 2_000;

    private final KafkaClients clients;
    private final String topic;
    private final boolean enabled;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
    private final Map<UUID, ApiKey> byId = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile String problem = "the key topic has not been read yet";
    private volatile boolean running = true;
    private volatile Consumer<String, String> consumer;
    private Producer<String, String> producer;
    private Thread follower;

    public ApiKeys(KafkaClients clients, EnrichConfig config, ObjectMapper json) {
        this.clients = clients;
        this.topic = config.topics().apiKeys();
        this.enabled = config.auth().enabled();
        this.json = json;
    }

    /** A key as issued: the secret is shown this once and never stored. */
    public record IssuedKey(UUID id, String label, String key, Instant createdAt) {
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        follower = new Thread(this::follow, "api-keys");
        follower.setDaemon(true);
        follower.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }

    public IssuedKey issue(String label) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey stored = new ApiKey(UUID.randomUUID(), label, hash(key), Instant.now(), null);
        write(stored);
        return new IssuedKey(stored.id(), label, key, stored.createdAt());
    }

    /** The id of the live key presented, if it is one. */
    public Optional<UUID> holderOf(String presentedKey) {
        requireLoaded();
        return Optional.ofNullable(byHash.get(hash(presentedKey))).filter(ApiKey::live).map(ApiKey::id);
    }

    /** All keys, live and revoked, oldest first. */
    public List<ApiKey> list() {
        requireLoaded();
        return byId.values().stream().sorted(Comparator.comparing(ApiKey::createdAt)).toList();
    }

    /** Revokes a key; false when there is no such key. */
    public boolean revoke(UUID id) {
        requireLoaded();
        ApiKey key = byId.get(id);
        if (key == null) {
            return false;
        }
        if (key.live()) {
            write(new ApiKey(key.id(), key.label(), key.keyHash(), key.createdAt(), Instant.now()));
        }
        return true;
    }

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.named("api-keys").up().withData("keys", "off").build();
        }
        if (loaded) {
            return HealthCheckResponse.named("api-keys").up().withData("topic", topic).build();
        }
        return HealthCheckResponse.named("api-keys").down().withData("topic", topic).withData("problem", problem).build();
    }

    private void requireLoaded() {
        if (!loaded) {
            throw new KeysUnavailableException("The read keys are not loaded yet (" + problem + "); try again shortly");
        }
    }

    /** Sends the key's record and waits for the replicas to have it, then knows it here at once. */
    private void write(ApiKey key) {
        try {
            String value = json.writeValueAsString(key);
            producer().send(new ProducerRecord<>(topic, key.id().toString(), value)).get(15, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A key record always serialises", e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Key %s could not be written to %s: %s", key.id(), topic, e.getCause() == null ? e : e.getCause());
            throw new KeysUnavailableException("Kafka did not take the key change; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("Interrupted while writing the key change");
        }
        apply(key);
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = clients.keyProducer("enrich-api-keys-" + UUID.randomUUID());
        }
        return producer;
    }

    /** Reads the topic from its start, then follows it; starts again after a failure (records apply in order). */
    private void follow() {
        while (running) {
            try (Consumer<String, String> c = clients.keyConsumer("enrich-api-keys-reader-" + UUID.randomUUID())) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c);
                if (partitions.isEmpty()) {
                    problem = "topic " + topic + " is missing: it is made from deploy/topics.properties by the deployment";
                    sleep();
                    continue;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = c.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                        read(record);
                    }
                    if (!loaded && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                        loaded = true;
                        LOG.infof("Read keys loaded from %s: %d live of %d", topic,
                                byId.values().stream().filter(ApiKey::live).count(), byId.size());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                problem = "reading " + topic + " failed: " + e;
                LOG.warnf("Reading the read keys from %s failed, trying again: %s", topic, e.toString());
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, String> c) {
        List<PartitionInfo> found = c.partitionsFor(topic, Duration.ofSeconds(5));
        return found == null ? List.of() : found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone: the key's record was deleted by hand; it is gone.
            ApiKey gone = record.key() == null ? null : byIdOf(record.key());
            if (gone != null) {
                byId.remove(gone.id());
                byHash.remove(gone.keyHash());
            }
            return;
        }
        try {
            apply(json.readValue(record.value(), ApiKey.class));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Skipped an unreadable record at %s-%d offset %d", record.topic(), record.partition(), record.offset());
        }
    }

    private ApiKey byIdOf(String id) {
        try {
            return byId.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Newer states win: a revocation is never undone by the issuing record read after it. */
    private synchronized void apply(ApiKey key) {
        if (key.id() == null || key.keyHash() == null || key.createdAt() == null) {
            throw new IllegalArgumentException("a key record needs id, keyHash and createdAt");
        }
        ApiKey known = byId.get(key.id());
        if (known != null && !known.live()) {
            return;
        }
        byId.put(key.id(), key);
        byHash.put(key.keyHash(), key);
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
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
