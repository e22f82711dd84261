package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import news.wire.testkit.KafkaTestClient;

/** What the watch tests do over and over: save a watch, publish articles one at a time. */
final class WatchSteps {

    static final Duration WITHIN = Duration.ofSeconds(30);

    private WatchSteps() {
    }

    /** Saves a watch of these filters and returns its id. */
    static String create(String name, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>(filters);
        body.put("name", name);
        return given().contentType(ContentType.JSON).body(body).post("/v1/watches").then().statusCode(201)
                .extract().path("id");
    }

    /**
     * Publishes {@code count} articles naming the run's word, each found by id before the next is sent, so their
     * matches come in the order sent.
     */
    static List<WireCopy> publish(String bootstrapServers, String run, int count) {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        List<WireCopy> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WireCopy a = WireCopy.article("Wire " + run, "Story " + (i + 1) + " of " + run, "Body.",
                    "2026-11-18T07:00:00Z");
            kafka.send("articles.enriched", a.id(), a.json());
            articles.add(a);
            await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/articles/" + a.id()).then().statusCode(200));
        }
        return articles;
    }
}
