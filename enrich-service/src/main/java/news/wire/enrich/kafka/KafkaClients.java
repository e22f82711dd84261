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
 * Builds every Kafka client of enrich-service from one configuration: all {@code kafka.*} settings (or
 * {@code KAFKA_*} variables), as Quarkus gathers them for its own Kafka health check too. Connection and security
 * settings (security.protocol, sasl.*, ssl.*) set there reach each worker's consumer and transactional producer and
 * the admin clients alike; each client only adds what its guarantee needs.
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
        this.shared = new HashMap<>(kafka);
        // Quarkus fills in the application name as group.id; the workers' group is enrich.group-id, and only theirs.
        this.shared.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.groupId = groupId;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    /** The consumer of one worker, named {@code name} (the worker's transactional id), in the workers' group. */
    public Consumer<String, String> workerConsumer(String name) {
        return new KafkaConsumer<>(workerConsumerConfig(name));
    }

    /**
     * The transactional producer of one worker, whose transactional id is {@code name}.
     *
     * @param maxMessageBytes the largest record the output topics take (PipelineTopics reads it from them)
     */
    public Producer<String, String> workerProducer(String name, long maxMessageBytes) {
        return new KafkaProducer<>(workerProducerConfig(name, maxMessageBytes));
    }

    /** An admin client for short checks: its calls give up after a few seconds rather than hang a caller. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> workerConsumerConfig(String name) {
        Map<String, Object> c = new HashMap<>(shared);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Never enrich what an aborted upstream transaction wrote.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A batch is one transaction and nothing of it is visible downstream before it commits: at ~12 ms an
        // article for the entity tagger, 50 keeps that wait under a second while a backlog drains.
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        // Each article waits for this at most before enrichment starts; keep it well under a second.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        // A killed worker's partitions wait this long for a new owner: the broker's default 45 s is a long stall.
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, sessionTimeoutMs / 4));
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    Map<String, Object> workerProducerConfig(String name, long maxMessageBytes) {
        Map<String, Object> p = new HashMap<>(shared);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, name);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Kafka's 1 MB default is less than one long article once enriched, so as much as the topics take. ArticleRouter
        // dead-letters what would still be larger, because a record refused here aborts the batch's transaction, and
        // the batch is redone.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxMessageBytes));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return p;
    }

    Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(shared);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }
}
