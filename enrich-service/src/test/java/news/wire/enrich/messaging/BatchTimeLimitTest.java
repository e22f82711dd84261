package news.wire.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.wire.testkit.DeclaredTopics;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;

/**
 * A batch out of time commits what it has done and leaves the rest for the next transaction: with no time at all,
 * each article of a batch polled at once gets a transaction of its own, and every article still comes out once and
 * in order.
 */
@QuarkusTest
@TestProfile(BatchTimeLimitTest.NoTime.class)
class BatchTimeLimitTest {

    static final String RAW = "cut.raw";
    static final String ENRICHED = "cut.enriched";
    static final String DLQ = "cut.dlq";

    /** Own topics and group, one partition, so the order of the output can be checked. */
    public static class NoTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrich.stream.max-batch-time", "0s", "enrich.stream.workers", "1",
                    "enrich.group-id", "enrich-cut-test", "enrich.topics.raw", RAW, "enrich.topics.enriched", ENRICHED,
                    "enrich.topics.dead-letter", DLQ);
        }
    }

    /** Shaped like the pipeline's topics, one partition each; the workers wait for them as for a deployment's. */
    @BeforeAll
    static void ownTopics() {
        DeclaredTopics declared = DeclaredTopics.read();
        DeclaredTopics.create(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                List.of(declared.like("articles.raw", RAW, 1, 1), declared.like("articles.enriched", ENRICHED, 1, 1),
                        declared.like("articles.dlq", DLQ, 1, 1)));
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aBatchOutOfTimeIsCommittedInPartsAndNothingIsLostRepeatedOrReordered() throws Exception {
        // Written in one transaction, so a read_committed poll sees all of them at once, as one batch.
        List<String> ids = new ArrayList<>();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cut-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 8; i++) {
                String id = UUID.randomUUID().toString();
                ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
                ids.add(id);
                producer.send(new ProducerRecord<>(RAW, id, raw.toString()));
            }
            producer.commitTransaction();
        }

        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.await(ENRICHED, r -> ids.get(ids.size() - 1).equals(r.key()), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> out = kafka.collect(ENRICHED, r -> ids.contains(r.key()),
                Duration.ofSeconds(3));
        assertEquals(ids, out.stream().map(ConsumerRecord::key).toList(), "each once, in order");
        for (int i = 1; i < out.size(); i++) {
            // A commit marker between two records: they were written by different transactions.
            assertTrue(out.get(i).offset() - out.get(i - 1).offset() >= 2,
                    "offsets " + out.get(i - 1).offset() + " and " + out.get(i).offset() + " in one transaction");
        }
    }
}
