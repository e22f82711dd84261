package news.wire.query.kafka;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.ElasticsearchTestResource;
import news.wire.testkit.KafkaTestResource;

/** The indexer checks articles.enriched and never makes it: readiness says what is missing and where it is made. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "topics", value = "articles.enriched"))
@QuarkusTestResource(value = ElasticsearchTestResource.class, restrictToAnnotatedClass = false)
class EnrichedTopicTest {

    @Inject
    KafkaClients clients;

    @Test
    void theDeclaredTopicMakesReadinessUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-topics' }.status", equalTo("UP")));
    }

    @Test
    void aMissingTopicIsNamedWithWhatMakesItAndNotCreated() throws Exception {
        String name = "missing-" + UUID.randomUUID();
        EnrichedTopic topic = new EnrichedTopic(clients, name);
        assertThrows(EnrichedTopic.MissingTopic.class, topic::check);
        String problem = topic.status().problem();
        assertFalse(topic.status().ready());
        for (String named : List.of(name, "deploy/topics.properties", "deploy/local/pipeline up kafka", "compose",
                "KafkaTopic")) {
            assertTrue(problem.contains(named), named + " in: " + problem);
        }
        try (Admin admin = clients.admin()) {
            assertFalse(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name));
        }
    }

    @Test
    void anUnreachableBrokerIsRetriedNotFatal() {
        KafkaClients nowhere = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"));
        EnrichedTopic topic = new EnrichedTopic(nowhere, "articles.enriched");
        assertThrows(Exception.class, topic::check);
        assertFalse(topic.status().ready());
        assertTrue(topic.status().problem().startsWith("could not check articles.enriched"), topic.status().problem());
    }
}
