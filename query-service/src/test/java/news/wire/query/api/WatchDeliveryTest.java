package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Delivery of a watch's matches: the server-sent event stream resumed with Last-Event-ID after a dropped connection
 * (no gap, no duplicate), and the Atom feed, read back by ROME as Atom 1.0 with one entry per match.
 */
@QuarkusTest
class WatchDeliveryTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL base;

    /** One server-sent event as received. */
    record Event(String id, String name, JsonNode data) {
    }

    @Test
    void aStreamResumedWithLastEventIdMissesNothingAndRepeatsNothing() throws Exception {
        String run = WireCopy.rareWord();
        String watch = WatchSteps.create("stream " + run, Map.of("q", run));
        List<WireCopy> sent = new ArrayList<>();

        List<Event> received = new ArrayList<>();
        try (Stream first = Stream.open(base, watch, null)) {
            sent.addAll(WatchSteps.publish(bootstrapServers, run, 3));
            received.addAll(first.take(3));
        }
        // Published while nobody listens.
        sent.addAll(WatchSteps.publish(bootstrapServers, run, 3));
        await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/watches/" + watch + "/matches").then()
                .body("matches.size()", equalTo(6)));
        try (Stream again = Stream.open(base, watch, received.get(received.size() - 1).id())) {
            received.addAll(again.take(3));
            sent.addAll(WatchSteps.publish(bootstrapServers, run, 2));
            received.addAll(again.take(2));
            assertTrue(again.quiet(Duration.ofSeconds(2)), "nothing more than the matches");
        }
        assertEquals(sent.stream().map(WireCopy::id).toList(),
                received.stream().map(e -> e.data().path("articleId").asText()).toList(), "every match once, in order");
        assertEquals(received.size(), new HashSet<>(received.stream().map(Event::id).toList()).size());
        for (int i = 1; i < received.size(); i++) {
            assertTrue(Long.parseLong(received.get(i - 1).id()) < Long.parseLong(received.get(i).id()));
        }
        assertTrue(received.stream().allMatch(e -> e.name().equals("matched")));
        assertEquals(received.get(0).id(), received.get(0).data().path("seq").asText());

        given().header("Last-Event-ID", "yesterday").get("/v1/watches/" + watch + "/stream").then().statusCode(400)
                .body("errors[0].field", equalTo("Last-Event-ID"));
        given().get("/v1/watches/no-such-watch/stream").then().statusCode(404);
    }

    @Test
    void theFeedIsAtomWithOneEntryPerMatch() throws Exception {
        String run = WireCopy.rareWord();
        String watch = WatchSteps.create("feed " + run, Map.of("q", run));
        List<WireCopy> sent = WatchSteps.publish(bootstrapServers, run, 3);
        await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/watches/" + watch + "/matches").then()
                .body("matches.size()", equalTo(3)));
        List<String> matchIds = given().get("/v1/watches/" + watch + "/matches").then().extract().path("matches.matchId");

        String xml = given().get("/v1/watches/" + watch + "/feed").then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("Watch: feed " + run, feed.getTitle());
        assertEquals("urn:wire:watch:" + watch, feed.getUri());
        assertNotNull(feed.getPublishedDate(), "the feed's updated time");
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(matchIds.stream().map(id -> "urn:wire:match:" + id).toList(),
                entries.stream().map(SyndEntry::getUri).toList(), "newest first, one entry per match");
        List<String> newestFirst = new ArrayList<>(sent.stream().map(WireCopy::id).toList());
        java.util.Collections.reverse(newestFirst);
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            assertTrue(entry.getLink().endsWith("/v1/articles/" + newestFirst.get(i)), entry.getLink());
            assertTrue(entry.getTitle().startsWith("Story " + (3 - i) + " of " + run), entry.getTitle());
            assertEquals("Wire " + run, entry.getAuthor());
            assertNotNull(entry.getUpdatedDate());
        }
        given().get("/v1/watches/no-such-watch/feed").then().statusCode(404);
    }

    /** A connection to a watch's stream, read by a thread of its own into a queue of events. */
    private static final class Stream implements AutoCloseable {

        private final InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        private Stream(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(URL base, String watch, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "v1/watches/" + watch + "/stream"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            return new Stream(response.body());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(id, name, JSON.readTree(data.toString())));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // The connection was closed: the test dropped it.
            }
        }

        List<Event> take(int count) throws InterruptedException {
            List<Event> taken = new ArrayList<>();
            while (taken.size() < count) {
                Event e = events.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(e, "event " + (taken.size() + 1) + " of " + count);
                taken.add(e);
            }
            return taken;
        }

        boolean quiet(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
