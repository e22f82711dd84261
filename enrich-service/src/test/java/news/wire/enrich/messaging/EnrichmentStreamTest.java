package news.wire.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.MessageContract;

/** The Kafka loop against a real broker: enriched output, tombstones passed on, poison to the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class EnrichmentStreamTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rawArticleBecomesOneEnrichedArticleThatHonoursTheContract() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode raw = (ObjectNode) json.readTree(MessageContract.RAW_ARTICLE.example());
        raw.put("id", id);
        send(id, raw.toString());

        ConsumerRecord<String, String> record = awaitRecord("articles.enriched", r -> id.equals(r.key()));
        List<String> violations = MessageContract.ENRICHED_ARTICLE.violations(record.value());
        assertTrue(violations.isEmpty(), () -> "article.enriched/v1 contract violated: " + violations);
        JsonNode enriched = json.readTree(record.value());
        assertEquals(id, enriched.get("id").asText());
        boolean calder = false;
        for (JsonNode entity : enriched.get("entities")) {
            calder |= entity.get("name").asText().equals("Ines Calder") && entity.get("type").asText().equals("PERSON");
        }
        assertTrue(calder, () -> "expected PERSON Ines Calder in " + enriched.get("entities"));
    }

    @Test
    void tombstonePassesThroughUnderTheSameKey() {
        String id = UUID.randomUUID().toString();
        send(id, null);
        ConsumerRecord<String, String> record = awaitRecord("articles.enriched", r -> id.equals(r.key()));
        assertNull(record.value());
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicWithTheReasonAndTheStreamMovesOn() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        send(poisonKey, "{not json");
        String goodId = UUID.randomUUID().toString();
        ObjectNode raw = (ObjectNode) json.readTree(MessageContract.RAW_ARTICLE.example());
        raw.put("id", goodId);
        send(goodId, raw.toString());

        ConsumerRecord<String, String> dead = awaitRecord("articles.dlq", r -> poisonKey.equals(r.key()));
        assertEquals("{not json", dead.value());
        assertNotNull(dead.headers().lastHeader("error.message"));
        assertEquals("articles.raw", new String(dead.headers().lastHeader("source.topic").value(), StandardCharsets.UTF_8));
        awaitRecord("articles.enriched", r -> goodId.equals(r.key()));
    }

    private void send(String key, String value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("articles.raw", key, value));
        }
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                for (ConsumerRecord<String, String> record : seen) {
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within 30 s");
    }
}
