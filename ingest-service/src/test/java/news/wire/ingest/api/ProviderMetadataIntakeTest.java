package news.wire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.ingest.formats.ProviderSubject;
import news.wire.ingest.intake.Article;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.MessageContract;

/** What the wire says about an item besides its text: stored with the article and published on articles.raw. */
@QuarkusTest
class ProviderMetadataIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    private static String ninjs(String uri, String body, String subjects) {
        return """
                {"uri": "%s", "version": "1", "versioncreated": "2026-11-20T09:05:00Z",
                 "firstcreated": "2026-11-20T09:00:00Z", "copyrightholder": "Fenland Wire", "language": "en",
                 "headline": "Sluice gates shut as Lowmarsh floods", "byline": "By Tomas Reyne",
                 "body_text": "%s",
                 "subjects": %s,
                 "people": [{"name": "Helga Brandt"}], "organisations": [{"name": "Fen Drainage Board"}],
                 "located": {"name": "Lowmarsh"}, "places": [{"name": "Fen County"}]}
                """.formatted(uri, body, subjects);
    }

    @Test
    void aNinjsItemsSubjectsTagsBylineAndVersionTimeReachArticlesRaw() throws Exception {
        String uri = "urn:test:" + UUID.randomUUID();
        String id = given().contentType("application/json")
                .body(ninjs(uri, "The Fen Drainage Board shut the sluice gates on Friday.",
                        """
                        [{"name": "weather", "uri": "http://cv.iptc.org/newscodes/mediatopic/17000000"},
                         {"code": "medtop:06000000", "name": "environment"}, {"name": "Fenland"}]"""))
                .when().post("/v1/articles")
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> record = new KafkaTestClient(bootstrapServers)
                .await("articles.raw", r -> id.equals(r.key()), Duration.ofSeconds(20));
        List<String> violations = MessageContract.RAW_ARTICLE.violations(record.value());
        assertTrue(violations.isEmpty(), () -> "article.raw/v1 contract violated: " + violations);
        JsonNode message = json.readTree(record.value());
        assertEquals(json.readTree("""
                [{"code": "17000000", "name": "weather", "scheme": "medtop"},
                 {"code": "06000000", "name": "environment", "scheme": "medtop"},
                 {"name": "Fenland"}]"""), message.get("subjects"));
        assertEquals("By Tomas Reyne", message.get("byline").asText());
        assertEquals("2026-11-20T09:05:00Z", message.get("versionCreated").asText());
        assertEquals(json.readTree("[\"Helga Brandt\"]"), message.get("people"));
        assertEquals(json.readTree("[\"Fen Drainage Board\"]"), message.get("organisations"));
        assertEquals(json.readTree("[\"Lowmarsh\", \"Fen County\"]"), message.get("places"));

        Article stored = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(UUID.fromString(id)));
        assertEquals(new ProviderSubject("17000000", "weather", "medtop"), stored.subjects.get(0));
        assertEquals(Instant.parse("2026-11-20T09:05:00Z"), stored.versionCreated);
        assertEquals(List.of("Lowmarsh", "Fen County"), stored.places);
    }

    @Test
    void aNewVersionPublishesItsOwnSubjects() throws Exception {
        String uri = "urn:test:" + UUID.randomUUID();
        String id = given().contentType("application/json")
                .body(ninjs(uri, "The gates were shut.", "[{\"code\": \"medtop:06000000\", \"name\": \"environment\"}]"))
                .when().post("/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().contentType("application/json")
                .body(ninjs(uri, "The gates were shut and the water is falling.", "[{\"name\": \"flood defences\"}]"))
                .when().post("/v1/articles")
                .then().statusCode(202).body("id", equalTo(id)).body("version", equalTo(2));

        ConsumerRecord<String, String> second = new KafkaTestClient(bootstrapServers)
                .await("articles.raw", r -> id.equals(r.key()) && r.value().contains("\"version\":2"),
                        Duration.ofSeconds(20));
        assertEquals(json.readTree("[{\"name\": \"flood defences\"}]"), json.readTree(second.value()).get("subjects"));
    }

    @Test
    void aTagTooLongToIndexIsRefusedNamingIt() {
        long before = QuarkusTransaction.requiringNew().call(() -> Article.count());
        given().contentType("application/json")
                .body(ninjs("urn:test:" + UUID.randomUUID(), "Gates shut.",
                        "[{\"name\": \"ok\"}, {\"name\": \"" + "x".repeat(1_001) + "\"}]"))
                .when().post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:wire:invalid-article"))
                .body("errors.field", hasItem("subjects[1].name"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Article.count()));
    }

    @Test
    void ourOwnFormCarriesItsBylineAndEmptyTagLists() throws Exception {
        String id = given().contentType("application/json")
                .body("""
                        {"headline": "Tide tables reprinted", "body": "The harbour office reprinted its tables %s.",
                         "source": "Harbour Wire", "publishedAt": "2026-11-20T10:00:00Z", "byline": "Ines Calder"}
                        """.formatted(UUID.randomUUID()))
                .when().post("/v1/articles")
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> record = new KafkaTestClient(bootstrapServers)
                .await("articles.raw", r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertEquals(List.of(), MessageContract.RAW_ARTICLE.violations(record.value()));
        JsonNode message = json.readTree(record.value());
        assertEquals("Ines Calder", message.get("byline").asText());
        assertTrue(message.get("versionCreated").isNull());
        assertEquals(json.readTree("[]"), message.get("subjects"));
        assertEquals(json.readTree("[]"), message.get("places"));
    }
}
