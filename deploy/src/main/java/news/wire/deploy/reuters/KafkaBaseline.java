package news.wire.deploy.reuters;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the same machine does without us: the same articles, as the same JSON, produced straight to a scratch
 * Kafka topic with the relay's producer settings (idempotent, acks=all, lz4). Ingest's rate over this one says
 * what storing and deduplicating in PostgreSQL costs on top of Kafka itself.
 */
final class KafkaBaseline {

    private final String bootstrapServers;
    private final ObjectMapper json;

    KafkaBaseline(String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** Produces every story and waits for all acknowledgements; returns articles per second. */
    double produce(Iterator<ReutersStory> stories) {
        String topic = "bench.kafka-baseline." + UUID.randomUUID();
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return timedProduce(topic, stories);
            } finally {
                client.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka baseline at " + bootstrapServers + " failed: " + e.getMessage(), e);
        }
    }

    private double timedProduce(String topic, Iterator<ReutersStory> stories) throws JsonProcessingException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long count = 0;
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            while (stories.hasNext()) {
                ReutersStory story = stories.next();
                producer.send(new ProducerRecord<>(topic, story.sourceItemId(),
                        json.writeValueAsString(ArticleSubmission.of(story))), (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        });
                count++;
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            // A rate over records that never arrived would flatter Kafka and understate the ratio.
            throw new IllegalStateException(failed.get() + " of " + count + " baseline records were not acknowledged");
        }
        return count / seconds;
    }
}
