package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import news.wire.testkit.DeclaredTopics;
import news.wire.testkit.KafkaTestClient;

/**
 * Articles as long as the pipeline carries: a multi-megabyte enriched record is read from articles.enriched, written
 * to Elasticsearch (alone in its bulk request, being over query.indexer.batch-max-bytes) and found by search.
 * articles.enriched is the test broker's, made from deploy/topics.properties as the deployments make it.
 */
@QuarkusTest
class LargeArticleIndexingTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aMultiMegabyteArticleIsIndexedAndFoundWithHighlights() throws Exception {
        assertTopicTakesWhatIsDeclared();
        String early = WireCopy.rareWord();
        String late = WireCopy.rareWord();
        StringBuilder body = new StringBuilder("The inquiry opened with evidence from " + early + " harbour staff.");
        while (body.length() < 1_800_000) {
            body.append("\n\nThe panel heard that 42 ships were waiting on 3 March and that the gates had been checked "
                    + "two weeks earlier, at a cost of 4.5 million euros, up 8% on the year before.");
        }
        body.append("\n\nThe last witness was ").append(late).append(", who spoke for an hour.");
        WireCopy article = WireCopy.article("Inquiry Wire " + early, "Full record of the harbour inquiry",
                body.toString(), "2026-11-18T07:00:00Z");
        for (int i = 0; i < 20; i++) {
            article.entity(i % 2 == 0 ? "PERSON" : "ORGANIZATION", "Witness " + i + " " + early, 500);
        }
        // As many figures as the dense 1.8 MB article of the enrich tests: 30,000 nested objects, three times
        // Elasticsearch's default index.mapping.nested_objects.limit.
        for (int i = 0; i < 15_000; i++) {
            article.number(42, "CARDINAL", "ships").date("DATE", "2026-03-03");
        }
        String json = article.json();
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 3_000_000, "a record of " + bytes + " bytes");

        new KafkaTestClient(bootstrapServers).send("articles.enriched", article.id(), json);

        await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/articles/" + article.id())
                .then().statusCode(200).body("id", equalTo(article.id())));
        JsonPath found = given().queryParam("q", early).queryParam("highlight", true).get("/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(article.id()), found.getList("articles.id"));
        assertTrue(found.getString("articles[0].highlight.body[0]").contains("<em>" + early + "</em>"),
                found.prettify());
        // Past the first million characters, where Elasticsearch stops analysing a field for highlights: still found.
        JsonPath end = given().queryParam("q", late).queryParam("highlight", true).get("/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(article.id()), end.getList("articles.id"));
    }

    /** Kafka's 1 MB default would refuse the record below: the declared limit is what lets it through. */
    private void assertTopicTakesWhatIsDeclared() throws Exception {
        long declared = DeclaredTopics.read().maxMessageBytes("articles.enriched");
        assertTrue(declared > 3_000_000, "declared " + declared);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "articles.enriched");
            assertEquals(declared, Long.parseLong(admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS)
                    .get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()));
        }
    }
}
