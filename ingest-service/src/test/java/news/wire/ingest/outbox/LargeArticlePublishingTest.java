package news.wire.ingest.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    private static final long SIXTEEN_MIB = 16L * 1024 * 1024;
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    IngestConfig config;

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

    /** Before the test below alters it: as the relay created it at startup. */
    @Test
    @Order(1)
    void theRelayCreatesTheRawTopicWithTheConfiguredMessageSize() throws Exception {
        assertEquals(SIXTEEN_MIB, config.topic().maxMessageSize().asLongValue(), "the default");
        try (Admin admin = admin()) {
            await().atMost(WITHIN).ignoreExceptions().untilAsserted(() -> assertEquals(SIXTEEN_MIB, maxMessageBytes(admin)));
        }
    }

    /** A topic an earlier release created with Kafka's 1 MB default is raised; one that takes more is left alone. */
    @Test
    @Order(2)
    void anExistingTopicWithASmallerLimitIsRaisedAndALargerOneKept() throws Exception {
        try (Admin admin = admin()) {
            try {
                setMaxMessageBytes(admin, 1_048_588);
                new RawTopic(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), config).ensureExists();
                assertEquals(SIXTEEN_MIB, maxMessageBytes(admin));

                setMaxMessageBytes(admin, 2 * SIXTEEN_MIB);
                new RawTopic(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), config).ensureExists();
                assertEquals(2 * SIXTEEN_MIB, maxMessageBytes(admin));
            } finally {
                setMaxMessageBytes(admin, SIXTEEN_MIB);
            }
        }
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

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
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
