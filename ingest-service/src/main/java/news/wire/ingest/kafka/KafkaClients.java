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
 * Builds every Kafka client of ingest-service from one configuration: all {@code kafka.*} settings (or
 * {@code KAFKA_*} variables), as Quarkus gathers them for its own Kafka health check too. Connection and security
 * settings (security.protocol, sasl.*, ssl.*) set there reach the relay's producer and the topic check alike; each
 * client only adds what its guarantee needs.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;
    private final long maxMessageBytes;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this(kafka, config.topic().maxMessageSize().asLongValue());
    }

    KafkaClients(Map<String, Object> kafka, long maxMessageBytes) {
        this.shared = new HashMap<>(kafka);
        // Quarkus fills in the application name as group.id; ingest reads nothing, and no client here takes one.
        this.shared.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The relay's producer: idempotent, acks=all, failing fast when Kafka is away. */
    @Produces
    @ApplicationScoped
    Producer<String, String> relayProducer() {
        return new KafkaProducer<>(relayProducerConfig());
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    /** An admin client for short checks: its calls give up after a few seconds rather than hang a caller. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> relayProducerConfig() {
        Map<String, Object> config = new HashMap<>(shared);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The default 1 MB is less than one article intake accepts, and the relay publishes in order: a message the
        // producer refuses is retried for ever, and every article after it waits behind it (RawMessageSize).
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) maxMessageBytes);
        // The outbox is the durable buffer, not the producer: give up quickly and let the relay retry later.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }

    Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(shared);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }
}
