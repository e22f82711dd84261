package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Webhooks: a receiver on 127.0.0.1 (allowed in the test profile) gets every match once, in order, signed with the
 * watch's secret, after its first answers fail; a receiver that keeps failing pauses its webhook until the watch is
 * saved again; URLs to internal or odd addresses are refused when the watch is saved.
 */
@QuarkusTest
class WatchWebhookTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** One call the receiver took (answered 2xx). */
    record Call(String matchId, long timestamp, String signature, String body) {
    }

    @Test
    void everyMatchReachesTheReceiverOnceSignedAfterFailedAttempts() throws Exception {
        List<Call> taken = new CopyOnWriteArrayList<>();
        AtomicInteger refusedFirst = new AtomicInteger(2);
        HttpServer receiver = receiver(exchange -> {
            if (refusedFirst.getAndDecrement() > 0) {
                return 503;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            taken.add(new Call(exchange.getRequestHeaders().getFirst("X-Wire-Match-Id"),
                    Long.parseLong(exchange.getRequestHeaders().getFirst("X-Wire-Timestamp")),
                    exchange.getRequestHeaders().getFirst("X-Wire-Signature"), body));
            return 204;
        });
        try {
            String run = WireCopy.rareWord();
            var created = given().contentType(ContentType.JSON).body(Map.of("name", "hook " + run, "q", run,
                            "webhook", Map.of("url", url(receiver, "/hook"))))
                    .post("/v1/watches").then().statusCode(201).extract();
            String watch = created.path("id");
            String secret = created.path("webhook.secret");
            assertNotNull(secret, "the secret is in the answer that made it");
            given().get("/v1/watches/" + watch).then().statusCode(200).body("webhook.secret", nullValue())
                    .body("webhook.url", equalTo(url(receiver, "/hook")));

            List<String> articles = WatchSteps.publish(bootstrapServers, run, 3).stream().map(WireCopy::id).toList();
            await().atMost(WITHIN).untilAsserted(() -> assertEquals(3, taken.size()));
            // A match can reach its webhook before the match log's next refresh shows it to searches.
            List<String> matchIds = await().atMost(WITHIN).until(() -> given().get("/v1/watches/" + watch + "/matches")
                    .then().extract().<List<String>>path("matches.matchId"), ids -> ids.size() == 3);
            List<String> oldestFirst = new ArrayList<>(matchIds);
            java.util.Collections.reverse(oldestFirst);
            assertEquals(oldestFirst, taken.stream().map(Call::matchId).toList(), "each match once, in order");
            for (int i = 0; i < taken.size(); i++) {
                Call call = taken.get(i);
                assertTrue(MessageDigest.isEqual(expected(secret, call.timestamp(), call.body()).getBytes(),
                        call.signature().getBytes()), "signature of " + call.matchId());
                assertTrue(Math.abs(Instant.now().getEpochSecond() - call.timestamp()) < 300, "a recent timestamp");
                JsonNode match = JSON.readTree(call.body());
                assertEquals(call.matchId(), match.path("matchId").asText());
                assertEquals(articles.get(i), match.path("articleId").asText());
            }
            given().get("/v1/watches/" + watch).then().body("webhook.paused", equalTo(false))
                    .body("webhook.failures", equalTo(0)).body("webhook.pending", equalTo(0));
            String metrics = given().get("/q/metrics").then().extract().asString();
            assertTrue(metrics.contains("query_watch_webhook_failures_total{watch=\"" + watch + "\"} 2.0"), metrics
                    .lines().filter(l -> l.contains(watch)).toList().toString());
            assertTrue(metrics.contains("query_watch_webhook_latency_seconds_count"));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aReceiverThatKeepsFailingPausesItsWebhookUntilTheWatchIsSavedAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = receiver(exchange -> {
            calls.incrementAndGet();
            return 500;
        });
        try {
            String run = WireCopy.rareWord();
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "failing " + run, "q", run,
                    "webhook", Map.of("url", url(receiver, "/down"))));
            String watch = given().contentType(ContentType.JSON).body(body).post("/v1/watches").then().statusCode(201)
                    .extract().path("id");
            WatchSteps.publish(bootstrapServers, run, 1);
            await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/watches/" + watch).then()
                    .body("webhook.paused", equalTo(true)).body("webhook.failures", equalTo(3))
                    .body("webhook.pending", equalTo(1)).body("webhook.lastError", containsString("500")));
            assertEquals(3, calls.get(), "pause-after is 3 in the test profile");
            Thread.sleep(1_000);
            assertEquals(3, calls.get(), "no call while paused");
            assertTrue(given().get("/q/metrics").then().extract().asString()
                    .contains("query_watch_webhook_paused{watch=\"" + watch + "\"} 1.0"));

            given().contentType(ContentType.JSON).body(body).put("/v1/watches/" + watch).then().statusCode(200)
                    .body("webhook.secret", nullValue());
            await().atMost(WITHIN).until(() -> calls.get() > 3);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void webhookUrlsFollowTheAddressRules() {
        refused("http://10.1.2.3/hook", "webhook.url", "private");
        refused("http://169.254.169.254/latest", "webhook.url", "link-local");
        refused("http://[::1]:8080/hook", "webhook.url", "loopback");
        refused("http://0.0.0.0/hook", "webhook.url", "unspecified");
        refused("ftp://127.0.0.1/hook", "webhook.url", "http or https");
        refused("http://user:pw@127.0.0.1/hook", "webhook.url", "credentials");
        refused("http://no-such-host.invalid/hook", "webhook.url", "cannot be resolved");
        given().contentType(ContentType.JSON).body(Map.of("name", "n", "webhook", "http://127.0.0.1/"))
                .post("/v1/watches").then().statusCode(400).body("errors[0].field", equalTo("webhook"));
    }

    private static void refused(String url, String field, String why) {
        given().contentType(ContentType.JSON).body(Map.of("name", "refused", "webhook", Map.of("url", url)))
                .post("/v1/watches").then().statusCode(400).body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(why));
    }

    /** The receiver's check, as the README shows it. */
    private static String expected(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** What the receiver answers a call with. */
    interface Answer {
        int status(HttpExchange exchange) throws IOException;
    }

    private static HttpServer receiver(Answer answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int status = answer.status(exchange);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
