package news.wire.enrich.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
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

/** Two workers share three partitions: both get some, and every article still comes out exactly once. */
@QuarkusTest
@TestProfile(ParallelWorkersTest.TwoWorkers.class)
class ParallelWorkersTest {

    static final String RAW = "parallel.raw";
    static final String ENRICHED = "parallel.enriched";
    static final String DLQ = "parallel.dlq";
    static final String GROUP = "enrich-parallel-test";

    /** Own topics and group, so articles of the other tests neither feed nor disturb this one. */
    public static class TwoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrich.stream.workers", "2", "enrich.group-id", GROUP,
                    "enrich.topics.raw", RAW, "enrich.topics.enriched", ENRICHED,
                    "enrich.topics.dead-letter", DLQ);
        }
    }

    /** Shaped like the pipeline's topics, three partitions each; the workers wait for them as for a deployment's. */
    @BeforeAll
    static void ownTopics() {
        DeclaredTopics declared = DeclaredTopics.read();
        DeclaredTopics.create(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                List.of(declared.like("articles.raw", RAW, 3, 1), declared.like("articles.enriched", ENRICHED, 3, 1),
                        declared.like("articles.dlq", DLQ, 3, 1)));
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EnrichmentWorkers workers;

    @Test
    void everyWorkerHoldsPartitionsAndEveryArticleIsEnrichedOnce() throws Exception {
        assertEquals(2, workers.size());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Collection<MemberDescription> members = groupMembers();
            assertEquals(2, members.size(), () -> "members: " + members);
            for (MemberDescription member : members) {
                assertFalse(member.assignment().topicPartitions().isEmpty(), () -> "idle member in " + members);
            }
        });

        Set<String> ids = new HashSet<>();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 90; i++) {
                String id = UUID.randomUUID().toString();
                ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
                ids.add(id);
                producer.send(new ProducerRecord<>(RAW, id, raw.toString()));
            }
            producer.flush();
        }

        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        Map<String, Integer> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).untilAsserted(() -> {
            seen.clear();
            for (ConsumerRecord<String, String> record : kafka.collect(ENRICHED, r -> ids.contains(r.key()),
                    Duration.ofSeconds(3))) {
                seen.merge(record.key(), 1, Integer::sum);
            }
            assertEquals(ids, seen.keySet());
        });
        List<String> twice = new ArrayList<>();
        seen.forEach((id, count) -> {
            if (count != 1) {
                twice.add(id + " x" + count);
            }
        });
        assertTrue(twice.isEmpty(), () -> "enriched more than once: " + twice);
    }

    /** The group's members; none while the workers still wait for the topics and have not joined yet. */
    private Collection<MemberDescription> groupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP).members();
        } catch (ExecutionException e) {
            // Kafka 4 answers a group nobody has joined yet with this rather than an empty group.
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }
}
