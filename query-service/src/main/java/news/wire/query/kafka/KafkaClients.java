package news.wire.query.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Builds every Kafka client of query-service from one configuration: the {@code kafka.*} settings (or
 * {@code KAFKA_*} variables) as Quarkus gathers them, for its own Kafka health check too. Connection and security
 * settings given there reach every client; each client adds only what its guarantee needs, which none may undo.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        shared = new HashMap<>(kafka);
        // Quarkus fills in the application name as group.id; the indexer's group follows the index version instead.
        shared.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    /**
     * The indexer's consumer in {@code groupId}, committing by hand, returning at most {@code maxPollRecords} a poll
     * and fetching about {@code maxFetchBytes} at a time.
     */
    public Consumer<String, String> indexerConsumer(String groupId, int maxPollRecords, long maxFetchBytes) {
        return new KafkaConsumer<>(indexerConsumerConfig(groupId, maxPollRecords, maxFetchBytes),
                new StringDeserializer(), new StringDeserializer());
    }

    /** An admin client for short checks: its calls give up after a few seconds rather than hold up their caller. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> indexerConsumerConfig(String groupId, int maxPollRecords, long maxFetchBytes) {
        // A crashed indexer's partitions go to the other instances after 10 s rather than Kafka's 45 s default.
        // What a fetch buffers is a batch's worth, not Kafka's 50 MB default: catching up a backlog, the consumer
        // fetches ahead of the batches in memory (query.indexer.batch-max-bytes says why that bound matters).
        return settings(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxFetchBytes)), Map.of(ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Only what enrich-service committed: never index output of an aborted transaction.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                // Transactional data becomes readable when the commit marker lands, which does not wake a waiting
                // fetch: a short wait bounds the delay that adds to every article's time to searchable.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50));
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
