package news.wire.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import news.wire.ingest.config.IngestConfig;

/**
 * Builds every Kafka client of ingest-service from one configuration: the {@code kafka.*} settings (or
 * {@code KAFKA_*} variables) as Quarkus gathers them, for its own Kafka health check too. Connection and security
 * settings given there reach every client; each client adds only what its guarantee needs, which none may undo.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;
    private final int maxRequestSize;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this(kafka, (int) config.topic().maxMessageSize().asLongValue());
    }

    KafkaClients(Map<String, Object> kafka, int maxRequestSize) {
        shared = new HashMap<>(kafka);
        // Quarkus fills in the application name as group.id; no client here joins a group.
        shared.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.maxRequestSize = maxRequestSize;
    }

    /** The relay's producer: idempotent, acks=all, failing fast when Kafka is away. */
    @Produces
    @ApplicationScoped
    Producer<String, String> relayProducer() {
        return new KafkaProducer<>(relayProducerConfig(), new StringSerializer(), new StringSerializer());
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    /** An admin client for short checks: its calls give up after a few seconds rather than hold up their caller. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> relayProducerConfig() {
        // The outbox is the durable buffer, not the producer: give up quickly and let the relay retry later.
        return settings(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000), Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // The default 1 MB is less than one article intake accepts, and the relay publishes in order: a
                // message the producer refuses is retried for ever, and every article after it waits behind it.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize));
    }

    /** How long one send of the relay's producer may block (for metadata or buffer space), as configured. */
    public Duration relayMaxBlock() {
        return Duration.ofMillis(millis(relayProducerConfig().get(ProducerConfig.MAX_BLOCK_MS_CONFIG)));
    }

    /** How long the relay's producer may take to have a sent record acknowledged or failed, as configured. */
    public Duration relayDeliveryTimeout() {
        return Duration.ofMillis(millis(relayProducerConfig().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
    }

    /** A Kafka setting in milliseconds: a number from the defaults, or text from the {@code kafka.*} settings. */
    private static long millis(Object value) {
        return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).strip());
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
