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
 * Builds every Kafka client of query-service from one configuration: all {@code kafka.*} settings (or
 * {@code KAFKA_*} variables), as Quarkus gathers them for its own Kafka health check too. Connection and security
 * settings (security.protocol, sasl.*, ssl.*) set there reach the indexer's consumer and the topic check alike; each
 * client only adds what its guarantee needs.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.shared = new HashMap<>(kafka);
        // Quarkus fills in the application name as group.id; the indexer's group follows the index version instead.
        this.shared.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    /** The indexer's consumer in {@code groupId}, committing by hand, returning at most {@code maxPollRecords}. */
    public Consumer<String, String> indexerConsumer(String groupId, int maxPollRecords) {
        return new KafkaConsumer<>(indexerConsumerConfig(groupId, maxPollRecords));
    }

    /** An admin client for short checks: its calls give up after a few seconds rather than hang a caller. */
    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> indexerConsumerConfig(String groupId, int maxPollRecords) {
        Map<String, Object> c = new HashMap<>(shared);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only what enrich-service committed: never index output of an aborted transaction.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // Transactional data becomes readable when the commit marker lands, which does not wake a waiting fetch:
        // a short wait bounds the delay that adds to every article's time to searchable.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(shared);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }
}
