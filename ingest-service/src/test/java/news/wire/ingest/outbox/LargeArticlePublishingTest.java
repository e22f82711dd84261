package news.wire.ingest.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.kafka.KafkaClients;
import news.wire.ingest.kafka.RawTopic;
import news.wire.testkit.DeclaredTopics;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.MessageContract;
import news.wire.testkit.PostgresTestResource;

/**
 * Articles up to the intake limit travel as one Kafka message: the relay publishes them, a plain consumer reads them
 * whole, and the articles behind them are not held up. Against the real broker and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeArticlePublishingTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    IngestConfig config;

    @Inject
    KafkaClients clients;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anArticleJustUnderTheIntakeLimitIsPublishedWholeAndTheNextOneIsNotHeldUp() throws Exception {
        String tag = UUID.randomUUID().toString();
        String body = longBody(tag, 1_800_000);
        String request = json.writeValueAsString(Map.of("headline", "Full text of the harbour inquiry report " + tag,
                "body", body, "source", "Inquiry Wire", "publishedAt", "2026-11-16T09:00:00Z"));
        int requestBytes = request.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(requestBytes > 1_800_000 && requestBytes < config.limits().maxArticleSize().asLongValue(),
                "just under the intake limit: " + requestBytes);

        String large = given().contentType(ContentType.JSON).body(request).post("/v1/articles")
                .then().statusCode(202).extract().path("id");
        String small = given().contentType(ContentType.JSON)
                .body(Map.of("headline", "Inquiry report published " + tag, "body", "The report runs to 900 pages.",
                        "source", "Inquiry Wire", "publishedAt", "2026-11-16T09:05:00Z"))
                .post("/v1/articles")
                .then().statusCode(202).extract().path("id");

        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        ConsumerRecord<String, String> record = kafka.await("articles.raw", r -> large.equals(r.key()), WITHIN);
        assertTrue(record.serializedValueSize() > 1_800_000, "one message of " + record.serializedValueSize());
        JsonNode message = json.readTree(record.value());
        assertEquals(body, message.get("body").asText(), "the body arrives intact");
        List<String> violations = MessageContract.RAW_ARTICLE.violations(record.value());
        assertTrue(violations.isEmpty(), () -> "article.raw/v1 contract violated: " + violations);
        kafka.await("articles.raw", r -> small.equals(r.key()), WITHIN);

        for (String id : List.of(large, small)) {
            await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/articles/" + id)
                    .then().statusCode(200).body("status", equalTo("PUBLISHED")));
        }
    }

    /** Before the test below alters it: as the test broker made it from deploy/topics.properties. */
    @Test
    @Order(1)
    void theRawTopicTakesTheDeclaredMessageSizeAndReadinessSaysSo() throws Exception {
        long declared = DeclaredTopics.read().maxMessageBytes(config.topic().name());
        assertTrue(config.topic().maxMessageSize().asLongValue() <= declared, "the default fits the declared topic");
        try (Admin admin = clients.admin()) {
            assertEquals(declared, maxMessageBytes(admin));
        }
        await().atMost(WITHIN).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-topics' }.status", equalTo("UP")));
    }

    /** A topic that takes less than the relay may send is reported, naming what makes it, and left as it is. */
    @Test
    @Order(2)
    void aTopicThatTakesTooLittleIsReportedNotRaised() throws Exception {
        long wanted = config.topic().maxMessageSize().asLongValue();
        try (Admin admin = clients.admin()) {
            try {
                setMaxMessageBytes(admin, 1_048_588);
                RawTopic.TopicStatus status = new RawTopic(clients, config.topic().name(), wanted).check();
                assertTrue(status.present() && !status.ready(), status.toString());
                for (String named : List.of("articles.raw", "1048588", "ingest.topic.max-message-size",
                        "deploy/topics.properties", "deploy/local/pipeline up kafka", "compose", "KafkaTopic")) {
                    assertTrue(status.problem().contains(named), named + " in: " + status.problem());
                }
                assertEquals(1_048_588, maxMessageBytes(admin), "the service never alters a topic");
            } finally {
                setMaxMessageBytes(admin, wanted);
            }
            assertTrue(new RawTopic(clients, config.topic().name(), wanted).check().ready());
        }
    }

    /** A missing topic is reported, not created: the relay publishes nothing until the deployment makes it. */
    @Test
    void aMissingTopicIsReportedNotCreated() throws Exception {
        String name = "missing-" + UUID.randomUUID();
        RawTopic topic = new RawTopic(clients, name, config.topic().maxMessageSize().asLongValue());
        assertFalse(topic.present());
        assertFalse(topic.status().present());
        assertTrue(topic.status().problem().startsWith(name + " does not exist"), topic.status().problem());
        assertTrue(topic.status().problem().contains("deploy/topics.properties"), topic.status().problem());
        try (Admin admin = clients.admin()) {
            assertFalse(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name));
        }
    }

    /** Kafka unreachable: the check says so and is tried again, it does not throw. */
    @Test
    void anUnreachableBrokerIsReportedAndNotThrown() {
        KafkaClients nowhere = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"), config);
        RawTopic topic = new RawTopic(nowhere, config.topic().name(), config.topic().maxMessageSize().asLongValue());
        RawTopic.TopicStatus status = topic.check();
        assertFalse(status.ready());
        assertTrue(status.problem().startsWith("could not check articles.raw"), status.problem());
    }

    /** Newsroom prose with quotes, accents and paragraphs (escaped in JSON), to about {@code chars} characters. */
    private static String longBody(String tag, int chars) {
        StringBuilder body = new StringBuilder(chars + 200);
        int paragraph = 0;
        while (body.length() < chars) {
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append("Paragraph ").append(++paragraph).append(" (").append(tag).append("): the inquiry heard that ")
                    .append("the harbour master said \"the gates were checked on 3 March\", and that the café on the ")
                    .append("quay had reported water at 2.5 metres — “higher than in 1953” — before the alarm.");
        }
        return body.toString();
    }

    private long maxMessageBytes(Admin admin) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, config.topic().name());
        return Long.parseLong(admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }

    private void setMaxMessageBytes(Admin admin, long bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, config.topic().name());
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(bytes)), AlterConfigOp.OpType.SET))))
                .all().get(10, TimeUnit.SECONDS);
    }
}
