package news.wire.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes and reads topics from a test the way a neighbouring service would. */
public final class KafkaTestClient {

    private final String bootstrapServers;
    /** The largest message any declared topic takes, as a neighbouring service's producer would allow. */
    private final int maxMessageBytes;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        DeclaredTopics declared = DeclaredTopics.read();
        this.maxMessageBytes = (int) Math.min(Integer.MAX_VALUE,
                declared.names().stream().mapToLong(declared::maxMessageBytes).max().orElseThrow());
    }

    /** Sends one record (a null value is a tombstone) and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** Sends one record with these headers (UTF-8 values), as an upstream service that propagates them would. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        // As large as the declared topics take (deploy/topics.properties), not Kafka's 1 MB.
        // The consumers below keep Kafka's default fetch sizes, which bound a fetch without refusing a larger record.
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Every committed record of the topic, read from its beginning, that the predicate accepts and that
     * arrives within the window: for checking that something was published exactly once, or not at all.
     */
    public List<ConsumerRecord<String, String>> collect(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                        Duration window) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        matching.add(record);
                    }
                });
            }
        }
        return matching;
    }

    /**
     * The first committed record of the topic, read from its beginning, that the predicate accepts; fails the
     * test when none arrives in time. Reads read_committed, as the pipeline's own consumers do.
     */
    public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                Duration within) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                for (ConsumerRecord<String, String> record : seen) {
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + within);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
