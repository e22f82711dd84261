package news.wire.enrich.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.enrich.config.EnrichConfig;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.MessageContract;

/**
 * An article as long as ingest accepts is enriched and passed on as one message, bigger than Kafka's 1 MB default,
 * and read back by a plain consumer; the article behind it follows. Against the real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class LargeArticleStreamTest {

    private static final long SIXTEEN_MIB = 16L * 1024 * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aLongArticleIsEnrichedIntoOneMessageAndTheNextOneFollows() throws Exception {
        String largeId = UUID.randomUUID().toString();
        ObjectNode raw = (ObjectNode) json.readTree(MessageContract.RAW_ARTICLE.example());
        raw.put("id", largeId);
        raw.put("body", LongCopy.body(1_800_000));
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send("articles.raw", largeId, raw.toString());
        String smallId = UUID.randomUUID().toString();
        ObjectNode small = (ObjectNode) json.readTree(MessageContract.RAW_ARTICLE.example());
        small.put("id", smallId);
        kafka.send("articles.raw", smallId, small.toString());

        long started = System.nanoTime();
        ConsumerRecord<String, String> record = kafka.await("articles.enriched", r -> largeId.equals(r.key()),
                Duration.ofSeconds(120));
        System.out.printf("A %d-byte raw article became a %d-byte enriched one in %d ms%n", raw.toString().length(),
                record.serializedValueSize(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertTrue(record.serializedValueSize() > raw.toString().length(), "enriched is larger than raw");
        JsonNode enriched = json.readTree(record.value());
        assertEquals(raw.get("body").asText(), enriched.get("body").asText());
        assertTrue(enriched.get("entities").size() > 5, enriched.get("entities").toString());
        assertTrue(enriched.get("numbers").size() > 1_000, "numbers: " + enriched.get("numbers").size());
        assertTrue(enriched.get("dates").size() > 1_000, "dates: " + enriched.get("dates").size());
        List<String> violations = MessageContract.ENRICHED_ARTICLE.violations(record.value());
        assertTrue(violations.isEmpty(), () -> "article.enriched/v1 contract violated: " + violations);

        kafka.await("articles.enriched", r -> smallId.equals(r.key()), Duration.ofSeconds(60));
    }

    @Test
    void theTopicsItCreatesTakeTheConfiguredMessageSize() {
        try (Admin admin = admin()) {
            for (String topic : List.of("articles.raw", "articles.enriched", "articles.dlq")) {
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .untilAsserted(() -> assertEquals(SIXTEEN_MIB, maxMessageBytes(admin, topic), topic));
            }
        }
    }

    /** Topics an earlier release created with Kafka's 1 MB default are raised; one that takes more is left alone. */
    @Test
    void existingTopicsWithASmallerLimitAreRaisedAndALargerOneKept() throws Exception {
        String prefix = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(prefix + ".raw", prefix + ".enriched", prefix + ".dlq");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topics.raw(), 1, (short) 1), new NewTopic(topics.enriched(), 1, (short) 1),
                    new NewTopic(topics.deadLetter(), 1, (short) 1).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            Long.toString(2 * SIXTEEN_MIB))))).all().get(10, TimeUnit.SECONDS);
            assertTrue(maxMessageBytes(admin, topics.raw()) < 2_000_000, "Kafka's default to begin with");

            assertEquals(SIXTEEN_MIB, PipelineTopics.ensureExist(bootstrapServers, topics));
            assertEquals(SIXTEEN_MIB, maxMessageBytes(admin, topics.raw()));
            assertEquals(SIXTEEN_MIB, maxMessageBytes(admin, topics.enriched()));
            assertEquals(2 * SIXTEEN_MIB, maxMessageBytes(admin, topics.deadLetter()));
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static long maxMessageBytes(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Long.parseLong(admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }

    /** Topic settings of their own, the rest as configured by default. */
    private record Topics(String raw, String enriched, String deadLetter) implements EnrichConfig.Topics {

        @Override
        public int partitions() {
            return 1;
        }

        @Override
        public short replicationFactor() {
            return 1;
        }

        @Override
        public MemorySize maxMessageSize() {
            return new MemorySize(BigInteger.valueOf(SIXTEEN_MIB));
        }
    }
}
