package news.wire.enrich.messaging;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import news.wire.enrich.config.EnrichConfig;

/** Builds the consumer and the transactional producer of one worker; called again whenever they must be replaced. */
final class WorkerClients {

    private final String bootstrapServers;
    private final EnrichConfig config;
    private final String name;

    /**
     * The transactional id is {@code <group>-<instance>-<worker>}. With the group-metadata form of
     * sendOffsetsToTransaction (KIP-447) the group coordinator refuses offsets from a consumer of an older group
     * generation, so a zombie worker that lost its partitions cannot commit its batch whatever its transactional
     * id: the id need not follow the partitions, it only has to be unique among live producers (two holders of one
     * id fence each other, over and over). Being the same after a restart on the same host and port buys one more
     * thing: the new life's initTransactions aborts the transaction a killed life left open at once, instead of
     * read_committed readers stalling behind it until transaction.timeout.ms.
     */
    WorkerClients(String bootstrapServers, EnrichConfig config, String instanceId, int worker) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.name = config.groupId() + "-" + instanceId + "-" + worker;
    }

    String name() {
        return name;
    }

    KafkaConsumer<String, String> consumer() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
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
        int session = (int) config.stream().sessionTimeout().toMillis();
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, session / 4));
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(c);
    }

    /** @param maxMessageBytes the largest record the output topics take (PipelineTopics reads it from them) */
    KafkaProducer<String, String> producer(long maxMessageBytes) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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
        return new KafkaProducer<>(p);
    }
}
