package news.wire.deploy.searchbench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Publishes copies of the enriched corpus to articles.enriched until the wanted number of articles is reached:
 * each copy gets new ids and is moved a week later per round, so the index holds distinct articles spread in time,
 * indexed through query-service's own indexer as in production. Or, as a live wire's backlog, every article is
 * published in the last seconds before now, one a second: then all of them fall within one another's story window.
 */
public final class ReplicaPublisher {

    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers;
    private final String topic;
    private final String idSeed;
    private final boolean publishedNow;

    ReplicaPublisher(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, "search-bench");
    }

    /** {@code idSeed} names the ids: another seed publishes other articles (the index bench gives each run its own). */
    public ReplicaPublisher(String bootstrapServers, String topic, String idSeed) {
        this(bootstrapServers, topic, idSeed, false);
    }

    /** With {@code publishedNow}, the articles are dated as a live wire's last {@code total} seconds. */
    public ReplicaPublisher(String bootstrapServers, String topic, String idSeed, boolean publishedNow) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.idSeed = idSeed;
        this.publishedNow = publishedNow;
    }

    /** Sends {@code total} articles built from {@code lines} and returns once the broker has acknowledged them all. */
    public void publish(List<String> lines, int total) throws IOException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long start = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int n = 0; n < total; n++) {
                int round = n / lines.size();
                ObjectNode article = (ObjectNode) json.readTree(lines.get(n % lines.size()));
                // Name-based ids: the same run twice publishes the same articles, which the index takes as replays.
                String id = UUID.nameUUIDFromBytes((idSeed + ":" + n).getBytes()).toString();
                article.put("id", id);
                article.put("version", 1);
                Instant published = publishedNow ? now.minusSeconds(total - n)
                        : Instant.parse(article.get("publishedAt").asText()).plus(Duration.ofDays(7L * round));
                article.put("publishedAt", published.toString());
                article.put("receivedAt", published.toString());
                producer.send(new ProducerRecord<>(topic, id, article.toString()));
            }
            producer.flush();
        }
        System.err.printf("published %d articles to %s in %.1f s%n", total, topic, (System.nanoTime() - start) / 1e9);
    }
}
