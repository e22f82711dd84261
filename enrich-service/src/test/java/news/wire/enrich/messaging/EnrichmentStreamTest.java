package news.wire.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.enrich.entities.EntityId;
import news.wire.enrich.entities.EntityType;
import news.wire.enrich.languages.ForeignCopy;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.MessageContract;

/** The Kafka workers against a real broker: enriched output, tombstones passed on, poison to the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class EnrichmentStreamTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rawArticleBecomesOneEnrichedArticleThatHonoursTheContract() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
        send(id, raw.toString());

        ConsumerRecord<String, String> record = awaitRecord("articles.enriched", r -> id.equals(r.key()));
        List<String> violations = MessageContract.ENRICHED_ARTICLE.violations(record.value());
        assertTrue(violations.isEmpty(), () -> "article.enriched/v1 contract violated: " + violations);
        JsonNode enriched = json.readTree(record.value());
        assertEquals(id, enriched.get("id").asText());
        boolean calder = false;
        for (JsonNode entity : enriched.get("entities")) {
            // Optional in the schema for older enrichers' records, but this enricher gives every entity its id.
            assertEquals(EntityId.of(EntityType.valueOf(entity.get("type").asText()), entity.get("name").asText()),
                    entity.path("id").asText(null), entity::toString);
            calder |= entity.get("name").asText().equals("Ines Calder") && entity.get("type").asText().equals("PERSON");
        }
        assertTrue(calder, () -> "expected PERSON Ines Calder in " + enriched.get("entities"));
    }

    @Test
    void theProvidersMetadataPassesThroughUnchanged() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
        // A subject by code alone and one by name alone: neither may be filled in or dropped on the way.
        raw.putArray("subjects").add(json.readTree("{\"code\": \"20000001\", \"scheme\": \"medtop\"}"))
                .add(json.readTree("{\"name\": \"Harbour news\"}"));
        send(id, raw.toString());

        JsonNode enriched = json.readTree(awaitRecord("articles.enriched", r -> id.equals(r.key())).value());
        for (String field : List.of("byline", "versionCreated", "subjects", "people", "organisations", "places")) {
            assertEquals(raw.get(field), enriched.get(field), field);
        }
    }

    @Test
    void aRawMessageWrittenBeforeTheMetadataWasCarriedIsEnrichedWithoutIt() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
        raw.remove(List.of("byline", "versionCreated", "subjects", "people", "organisations", "places"));
        send(id, raw.toString());

        ConsumerRecord<String, String> record = awaitRecord("articles.enriched", r -> id.equals(r.key()));
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(record.value()));
        JsonNode enriched = json.readTree(record.value());
        for (String field : List.of("byline", "versionCreated", "subjects", "people", "organisations", "places")) {
            assertTrue(enriched.path(field).isMissingNode(), () -> field + " appeared: " + enriched.get(field));
        }
    }

    @Test
    void anArticleInAnotherLanguageIsPassedOnWithoutTagsAndCounted() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
        raw.put("headline", ForeignCopy.SPANISH.headline()).put("body", ForeignCopy.SPANISH.body()).put("language", "es");
        send(id, raw.toString());

        ConsumerRecord<String, String> record = awaitRecord("articles.enriched", r -> id.equals(r.key()));
        assertEquals(List.of(), MessageContract.ENRICHED_ARTICLE.violations(record.value()));
        JsonNode enriched = json.readTree(record.value());
        assertEquals("es", enriched.get("detectedLanguage").asText());
        assertEquals("agrees", enriched.get("languageCheck").asText());
        for (String tags : List.of("entities", "numbers", "dates")) {
            assertTrue(enriched.get(tags).isEmpty(), () -> tags + ": " + enriched.get(tags));
        }
        assertTrue(enriched.at("/enricher/untagged").asText().startsWith("language detected es"), enriched::toString);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(counted(metrics, "enrich_articles_untagged_total{language=\"es\"}") >= 1, metrics);
        });
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
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(goodId);
        send(goodId, raw.toString());

        ConsumerRecord<String, String> dead = awaitRecord("articles.dlq", r -> poisonKey.equals(r.key()));
        assertEquals("{not json", dead.value());
        assertNotNull(dead.headers().lastHeader("error.message"));
        assertEquals("articles.raw", new String(dead.headers().lastHeader("source.topic").value(), StandardCharsets.UTF_8));
        awaitRecord("articles.enriched", r -> goodId.equals(r.key()));
    }

    @Test
    void readyOnlyOnceEveryWorkerHasJoinedItsConsumerGroup() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'enrichment-workers-joined' }.status", equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'enrichment-workers' }.status", equalTo("UP"));
    }

    @Test
    void committedOutcomesAreCountedByOutcomeAndTimed() throws Exception {
        String goodId = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(goodId);
        send(goodId, raw.toString());
        String goneId = UUID.randomUUID().toString();
        send(goneId, null);
        String poisonKey = UUID.randomUUID().toString();
        send(poisonKey, "[]");
        awaitRecord("articles.enriched", r -> goodId.equals(r.key()));
        awaitRecord("articles.enriched", r -> goneId.equals(r.key()));
        awaitRecord("articles.dlq", r -> poisonKey.equals(r.key()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String outcome : List.of("enriched", "dead_lettered", "tombstone")) {
                assertTrue(counted(metrics, "enrich_articles_total{outcome=\"" + outcome + "\"}") >= 1,
                        () -> "no committed " + outcome + " counted in\n" + metrics);
            }
            assertTrue(counted(metrics, "enrich_article_seconds_count") >= 3, metrics);
            assertTrue(metrics.contains("enrich_article_seconds_bucket{le=\"0.01\"}"), metrics);
            for (String engine : List.of("language", "entities", "numbers", "dates")) {
                assertTrue(counted(metrics, "enrich_engine_seconds_count{engine=\"" + engine + "\"}") >= 1,
                        () -> "no " + engine + " timing in\n" + metrics);
            }
            assertTrue(metrics.contains("enrich_consumer_lag_records{partition=\"0\",topic=\"articles.raw\"}"), metrics);
            assertTrue(counted(metrics, "enrich_dead_letter_topic_offsets") >= 1, metrics);
        });
    }

    /** The value of the first sample line that starts with the given series name (Prometheus text format). */
    private static double counted(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private void send(String key, String value) {
        new KafkaTestClient(bootstrapServers).send("articles.raw", key, value);
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        return new KafkaTestClient(bootstrapServers).await(topic, wanted, Duration.ofSeconds(30));
    }
}
