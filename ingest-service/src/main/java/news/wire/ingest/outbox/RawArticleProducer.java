package news.wire.ingest.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import news.wire.ingest.config.IngestConfig;

/** The Kafka producer the relay publishes with: idempotent, acks=all, failing fast when Kafka is away. */
public class RawArticleProducer {

    @Produces
    @ApplicationScoped
    Producer<String, String> producer(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                                      IngestConfig ingest) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("health."));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The default 1 MB is less than one article intake accepts, and the relay publishes in order: a message the
        // producer refuses is retried for ever, and every article after it waits behind it (RawMessageSize).
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) ingest.topic().maxMessageSize().asLongValue());
        // The outbox is the durable buffer, not the producer: give up quickly and let the relay retry later.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config);
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}
