package news.wire.enrich.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import news.wire.enrich.config.EnrichConfig;

/**
 * Builds every Kafka client of enrich-service from one configuration: the {@code kafka.*} settings (or
 * {@code KAFKA_*} variables) as Quarkus gathers them, for its own Kafka health check too. Connection and security
 * settings given there reach every client; each client adds only what its guarantee needs, which none may undo.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;
    private final String groupId;
    private final int sessionTimeoutMs;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, EnrichConfig config) {
        this(kafka, config.groupId(), (int) config.stream().sessionTimeout().toMillis());
    }

    KafkaClients(Map<String, Object> kafka, String groupId, int sessionTimeoutMs) {
        shared = new HashMap<>(kafka);
        // Quarkus fills in the application name as group.id; the workers' group is enrich.group-id, and only theirs.
        shared.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.groupId = groupId;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    /** The consumer of one worker, named {@code name} (the worker's transactional id), in the workers' group. */
    public Consumer<String, String> workerConsumer(String name) {
        return new KafkaConsumer<>(workerConsumerConfig(name), new StringDeserializer(), new StringDeserializer());
    }

    /** The transactional producer of one worker, {@code name}, sending records up to {@code maxMessageBytes}. */
    public Producer<String, String> workerProducer(String name, long maxMessageBytes) {
        return new KafkaProducer<>(workerProducerConfig(name, maxMessageBytes), new StringSerializer(),
                new StringSerializer());
    }

    /**
     * A consumer that reads the read-key topic from its start and follows it: assigned, not in a group, so every
     * instance reads every key and commits nothing.
     */
    public Consumer<String, String> keyConsumer(String name) {
        return new KafkaConsumer<>(settings(Map.of(), Map.of(ConsumerConfig.CLIENT_ID_CONFIG, name,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new StringDeserializer());
    }

    /** The producer of key records: a key is handed out only once its record is on the replicas (acks=all). */
    public Producer<String, String> keyProducer(String name) {
        return new KafkaProducer<>(settings(Map.of(), Map.of(ProducerConfig.CLIENT_ID_CONFIG, name,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)),
                new StringSerializer(), new StringSerializer());
    }

    /** An admin client for short checks: its calls give up after a few seconds rather than hold up their caller. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> workerConsumerConfig(String name) {
        return settings(Map.of(), Map.of(ConsumerConfig.CLIENT_ID_CONFIG, name,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Never enrich what an aborted upstream transaction wrote.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // A batch is one transaction and nothing of it is visible downstream before it commits: at ~12 ms an
                // article for the entity tagger, 50 keeps that wait under a second while a backlog drains.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50,
                // Each article waits for this at most before enrichment starts; keep it well under a second.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                // A killed worker's partitions wait this long for a new owner: the broker's default 45 s is a long
                // stall.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, sessionTimeoutMs / 4)));
    }

    Map<String, Object> workerProducerConfig(String name, long maxMessageBytes) {
        return settings(Map.of(), Map.of(ProducerConfig.CLIENT_ID_CONFIG, name,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, name,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // Kafka's 1 MB default is less than one long article once enriched, so as much as the topics take.
                // ArticleRouter dead-letters what would still be larger, because a record refused here aborts the
                // batch's transaction, and the batch is redone.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxMessageBytes)));
    }

    Map<String, Object> adminConfig() {
        return settings(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000), Map.of());
    }

    /** The shared settings over a client's defaults, under what the client's guarantee needs. */
    private Map<String, Object> settings(Map<String, ?> defaults, Map<String, ?> fixed) {
        Map<String, Object> config = new HashMap<>(defaults);
        config.putAll(shared);
        config.putAll(fixed);
        return config;
    }
}
