package news.wire.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.kafka.KafkaClients;
import news.wire.enrich.kafka.PipelineTopics;
import news.wire.testkit.DeclaredTopics;
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

    private final ObjectMapper json = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    KafkaClients clients;

    @Inject
    EnrichConfig config;

    @Test
    void aLongArticleIsEnrichedIntoOneMessageAndTheNextOneFollows() throws Exception {
        String largeId = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(largeId);
        raw.put("body", LongCopy.body(1_800_000));
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send("articles.raw", largeId, raw.toString());
        String smallId = UUID.randomUUID().toString();
        ObjectNode small = MessageContract.RAW_ARTICLE.example(smallId);
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

    /** The workers publish as large a message as the declared topics take, read from the topics themselves. */
    @Test
    void theWorkersTakeTheirLimitFromTheDeclaredTopics() {
        long declared = DeclaredTopics.read().maxMessageBytes("articles.enriched");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-topics' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka-topics' }.data.'max-message-bytes'", equalTo((int) declared)));
    }

    /** The smaller of the two output topics' limits is the workers'; nothing is raised, nothing created. */
    @Test
    void theSmallerOutputLimitIsTakenAndNoTopicIsAltered() throws Exception {
        String prefix = "limits-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(prefix + ".raw", prefix + ".enriched", prefix + ".dlq");
        try (Admin admin = clients.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.raw(), 1, (short) 1), new NewTopic(topics.enriched(), 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(SIXTEEN_MIB))),
                    new NewTopic(topics.deadLetter(), 1, (short) 1).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            Long.toString(2 * SIXTEEN_MIB))))).all().get(10, TimeUnit.SECONDS);

            PipelineTopics check = new PipelineTopics(clients, topics, 1);
            assertEquals(SIXTEEN_MIB, check.check());
            assertTrue(check.status().ready(), check.status().toString());
            assertEquals(SIXTEEN_MIB, maxMessageBytes(admin, topics.enriched()));
            assertEquals(2 * SIXTEEN_MIB, maxMessageBytes(admin, topics.deadLetter()));
        }
    }

    /** A missing topic is named with what makes it, not created; too few partitions for the workers is a warning. */
    @Test
    void missingTopicsAndTooFewPartitionsAreReportedNotMended() throws Exception {
        String prefix = "gaps-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(prefix + ".raw", prefix + ".enriched", prefix + ".dlq");
        try (Admin admin = clients.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.raw(), 1, (short) 1))).all().get(10, TimeUnit.SECONDS);

            PipelineTopics check = new PipelineTopics(clients, topics, 2);
            assertThrows(PipelineTopics.MissingTopics.class, check::check);
            String problem = check.status().problem();
            assertFalse(check.status().ready());
            for (String named : List.of(topics.enriched(), topics.deadLetter(), "deploy/topics.properties",
                    "deploy/local/pipeline up kafka", "compose", "KafkaTopic")) {
                assertTrue(problem.contains(named), named + " in: " + problem);
            }
            assertFalse(problem.contains(topics.raw()), problem);
            assertFalse(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topics.enriched()),
                    "the service never creates a topic");

            admin.createTopics(List.of(new NewTopic(topics.enriched(), 1, (short) 1),
                    new NewTopic(topics.deadLetter(), 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            assertTrue(check.check() > 0);
            assertTrue(check.status().ready(), "a worker without a partition only waits: " + check.status());
            assertTrue(check.status().warning().contains("fewer than the 2 workers"), check.status().toString());
        }
    }

    /** Kafka unreachable: the check throws for the worker to retry, and readiness says why meanwhile. */
    @Test
    void anUnreachableBrokerIsRetriedNotFatal() {
        KafkaClients nowhere = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"), config);
        PipelineTopics check = new PipelineTopics(nowhere, new Topics("a", "b", "c"), 1);
        assertThrows(Exception.class, check::check);
        assertFalse(check.status().ready());
        assertTrue(check.status().problem().startsWith("could not check the topics"), check.status().problem());
    }

    private static long maxMessageBytes(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Long.parseLong(admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }

    /** Topic names of their own. */
    private record Topics(String raw, String enriched, String deadLetter) implements EnrichConfig.Topics {
        @Override
        public String apiKeys() {
            return "enrich.api-keys";
        }
    }
}
