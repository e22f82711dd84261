package news.wire.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
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
 * With topics that take 64 KiB, an article whose enriched form would exceed it is dead-lettered with the reason
 * rather than failing its batch's transaction for ever, and the article behind it is enriched as usual.
 */
@QuarkusTest
@TestProfile(OversizeDeadLetterTest.SmallMessages.class)
class OversizeDeadLetterTest {

    static final String RAW = "small.raw";
    static final String ENRICHED = "small.enriched";
    static final String DLQ = "small.dlq";
    static final int LIMIT = 64 * 1024;

    /** Own topics and group, so articles of the other tests neither feed nor disturb this one. */
    public static class SmallMessages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrich.group-id", "enrich-small-messages-test",
                    "enrich.topics.raw", RAW, "enrich.topics.enriched", ENRICHED, "enrich.topics.dead-letter", DLQ,
                    "enrich.stream.workers", "1");
        }
    }

    /**
     * The three topics shaped like the pipeline's, but taking 64 KiB: the workers read their limit from the output
     * topics, as from the real ones. They wait for the topics meanwhile, as for a deployment's topic step.
     */
    @BeforeAll
    static void smallTopics() {
        DeclaredTopics declared = DeclaredTopics.read();
        List<NewTopic> topics = new ArrayList<>();
        Map.of(RAW, "articles.raw", ENRICHED, "articles.enriched", DLQ, "articles.dlq").forEach((name, like) -> {
            NewTopic topic = declared.like(like, name, 1, 1);
            Map<String, String> configs = new HashMap<>(topic.configs());
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(LIMIT));
            topics.add(topic.configs(configs));
        });
        DeclaredTopics.create(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topics);
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anArticleTooLargeOnceEnrichedIsDeadLetteredWithTheReasonAndTheNextIsEnriched() throws Exception {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        String largeId = UUID.randomUUID().toString();
        String large = raw(largeId, LongCopy.body(30_000));
        assertTrue(large.length() < LIMIT / 2, "the raw article itself fits easily");
        kafka.send(RAW, largeId, large);
        String smallId = UUID.randomUUID().toString();
        kafka.send(RAW, smallId, raw(smallId, null));

        ConsumerRecord<String, String> dead = kafka.await(DLQ, r -> largeId.equals(r.key()), Duration.ofSeconds(30));
        assertEquals(large, dead.value(), "the raw article, to be replayed once the limit is raised");
        assertEquals(RecordTooLargeException.class.getName(), header(dead, "error.class"));
        String reason = header(dead, "error.message");
        assertTrue(reason.contains("max.message.bytes of " + ENRICHED) && reason.contains("deploy/topics.properties")
                && reason.contains(Integer.toString(LIMIT)), reason);
        assertEquals(RAW, header(dead, "source.topic"));
        assertTrue(kafka.collect(ENRICHED, r -> largeId.equals(r.key()), Duration.ofSeconds(1)).isEmpty());

        kafka.await(ENRICHED, r -> smallId.equals(r.key()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("enrich_articles_total{outcome=\"dead_lettered\"} ")
                    && !l.endsWith(" 0.0")), metrics);
        });
    }

    /** Where even the dead letter would be refused, it goes without the article, which stays in the raw topic. */
    @Test
    void aDeadLetterTooLargeItselfKeepsTheReasonAndDropsTheArticle() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // A raw topic that takes more than the enriched and dead-letter ones, as after a careless change.
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, RAW);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> admin.incrementalAlterConfigs(
                    Map.of(raw, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            Integer.toString(4 * LIMIT)), AlterConfigOp.OpType.SET)))).all().get(10, TimeUnit.SECONDS));
        }
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        String hugeId = UUID.randomUUID().toString();
        String huge = raw(hugeId, LongCopy.body(LIMIT + 10_000));
        kafka.send(RAW, hugeId, huge);
        String nextId = UUID.randomUUID().toString();
        kafka.send(RAW, nextId, raw(nextId, null));

        ConsumerRecord<String, String> dead = kafka.await(DLQ, r -> hugeId.equals(r.key()), Duration.ofSeconds(30));
        assertNull(dead.value());
        assertEquals("true", header(dead, "error.value-dropped"));
        assertEquals(RecordTooLargeException.class.getName(), header(dead, "error.class"));
        assertEquals(RAW, header(dead, "source.topic"));
        kafka.await(ENRICHED, r -> nextId.equals(r.key()), Duration.ofSeconds(30));
    }

    /** The contract's example article under this id, with this body if one is given. */
    private String raw(String id, String body) throws Exception {
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
        if (body != null) {
            raw.put("body", body);
        }
        return raw.toString();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
