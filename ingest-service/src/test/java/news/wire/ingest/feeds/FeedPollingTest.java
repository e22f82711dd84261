package news.wire.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.SpanRecorder;
import news.wire.testkit.TraceParent;

/**
 * Feeds served by a local HTTP server, polled by the running service: their entries must come out on
 * articles.raw through the same intake as pushed copy, conditional GETs must spare unchanged feeds, and failing
 * feeds must back off and recover. Poll intervals are a fraction of a second here (%test profile).
 */
@QuarkusTest
class FeedPollingTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SpanRecorder spans;

    private final List<String> feeds = new ArrayList<>();
    private final List<FeedServer> servers = new ArrayList<>();

    @AfterEach
    void unregisterAndStop() {
        feeds.forEach(id -> given().delete("/v1/feeds/" + id));
        servers.forEach(FeedServer::close);
    }

    private FeedServer server() throws Exception {
        FeedServer server = FeedServer.start();
        servers.add(server);
        return server;
    }

    private String register(String url, String source, String format) {
        return register(url, source, format, INTERVAL);
    }

    private String register(String url, String source, String format, Duration interval) {
        Map<String, Object> registration = new HashMap<>();
        registration.put("url", url);
        registration.put("source", source);
        registration.put("pollInterval", interval.toString());
        if (format != null) {
            registration.put("format", format);
        }
        String id = given().contentType(ContentType.JSON).body(registration).post("/v1/feeds")
                .then().statusCode(201).extract().path("id");
        feeds.add(id);
        return id;
    }

    private static JsonPath feed(String id) {
        return given().get("/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The raw article message whose headline is this one, as a neighbouring service would read it. */
    private ConsumerRecord<String, String> published(String headline) {
        return new KafkaTestClient(bootstrapServers).await("articles.raw",
                r -> r.value() != null && r.value().contains("\"headline\":\"" + headline + "\""), WITHIN);
    }

    private static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Lowmarsh Evening Post</title>
                    <link>http://lowmarsh.example/</link>
                    <description>News from the marsh towns</description>
                    <language>en-gb</language>
                    %s
                  </channel>
                </rss>
                """.formatted(String.join("\n", items));
    }

    private static String rssItem(String guid, String title, String html) {
        return """
                <item>
                  <guid isPermaLink="false">%s</guid>
                  <title>%s</title>
                  <link>http://lowmarsh.example/%s</link>
                  <description><![CDATA[%s]]></description>
                  <pubDate>Fri, 20 Nov 2026 09:15:00 GMT</pubDate>
                  <dc:creator>Mara Quillfeather</dc:creator>
                  <category>Local government</category>
                </item>
                """.formatted(guid, title, guid, html);
    }

    @Test
    void polledArticleIsPublishedInTheTraceOfItsPoll() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String headline = "Sea wall repairs begin " + tag;
        server.serve("/traced", "application/rss+xml; charset=utf-8",
                rss(rssItem("traced-" + tag, headline, "<p>Contractors arrive on Monday.</p>")));
        register(server.url("/traced"), "Lowmarsh Evening Post " + tag, "rss");

        TraceParent published = TraceParent.of(published(headline));
        // No request starts a poll: the poll's own span is the root, parent of the send span the record names.
        SpanData send = spans.await(published, WITHIN);
        SpanData poll = spans.await(published.traceId(), send.getParentSpanId(), WITHIN);
        assertEquals("poll feed", poll.getName());
        assertFalse(poll.getParentSpanContext().isValid(), "the poll starts the trace");
    }

    @Test
    void rssItemsBecomeArticlesAndAnUnchangedFeedCostsA304() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ferries = "Ferries resume at Lowmarsh " + tag;
        String bridge = "Bridge tolls frozen " + tag;
        server.serve("/rss", "application/rss+xml; charset=utf-8", rss(
                        rssItem("post-" + tag + "-1", ferries, "<p>The first crossing left at dawn.</p>"),
                        rssItem("post-" + tag + "-2", bridge, "<p>Councillors voted to hold the toll for a year.</p>")),
                "\"v1\"", "Fri, 20 Nov 2026 09:20:00 GMT");
        String id = register(server.url("/rss"), "Lowmarsh Evening Post " + tag, "rss");

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(2, feed(id).getInt("newItems")));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ingest_articles_total{format=\"feed/rss\",outcome=\"created\",source=\"Lowmarsh Evening Post "
                + tag + "\"} 2.0"), metrics);
        ConsumerRecord<String, String> first = published(ferries);
        assertTrue(first.value().contains("The first crossing left at dawn."), first.value());
        assertTrue(first.value().contains("\"source\":\"Lowmarsh Evening Post " + tag + "\""), first.value());
        published(bridge);

        // Unchanged: the poller sends the validators back and the server answers 304.
        await().atMost(WITHIN).until(() -> server.requests("/rss").stream().anyMatch(r -> r.answeredWith() == 304));
        FeedServer.Request conditional = server.requests("/rss").stream().filter(r -> r.answeredWith() == 304)
                .findFirst().orElseThrow();
        assertEquals("\"v1\"", conditional.ifNoneMatch());
        assertEquals("Fri, 20 Nov 2026 09:20:00 GMT", conditional.ifModifiedSince());
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(304, feed(id).getInt("lastStatus")));
        JsonPath unchanged = feed(id);
        assertEquals(2, unchanged.getInt("newItems"));
        assertEquals(2, unchanged.getInt("itemsSeen"));
        assertEquals(0, unchanged.getInt("consecutiveFailures"));

        // One item rewritten, one added: a new version and a new article.
        String added = "Harbour dredging to start in spring " + tag;
        server.serve("/rss", "application/rss+xml; charset=utf-8", rss(
                        rssItem("post-" + tag + "-1", ferries, "<p>The first crossing left at dawn, two hours late.</p>"),
                        rssItem("post-" + tag + "-2", bridge, "<p>Councillors voted to hold the toll for a year.</p>"),
                        rssItem("post-" + tag + "-3", added, "<p>Dredgers will clear the silted channel.</p>")),
                "\"v2\"", "Fri, 20 Nov 2026 10:05:00 GMT");
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(4, feed(id).getInt("newItems")));
        JsonPath changed = feed(id);
        assertEquals(5, changed.getInt("itemsSeen"), "2 items, a 304, then 3 items");
        assertTrue(Instant.parse(changed.getString("lastNewItemAt")).isAfter(Instant.now().minusSeconds(30)));
        published(added);
        ConsumerRecord<String, String> secondVersion = new KafkaTestClient(bootstrapServers).await("articles.raw",
                r -> r.value() != null && r.value().contains("two hours late"), WITHIN);
        assertEquals(first.key(), secondVersion.key(), "a new version of the same article");
        assertTrue(secondVersion.value().contains("\"version\":2"), secondVersion.value());
    }

    @Test
    void atomEntriesBecomeArticlesAndEntriesWithoutTitleAreSkipped() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String orchard = "Orchard growers report record pear harvest " + tag;
        String canal = "Canal path reopens after repairs " + tag;
        server.serve("/atom", "application/atom+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Fenbury Courier</title>
                  <id>urn:fenbury:courier</id>
                  <updated>2026-11-20T11:00:00Z</updated>
                  <entry>
                    <id>urn:fenbury:%1$s:1</id>
                    <title>%2$s</title>
                    <updated>2026-11-20T10:30:00Z</updated>
                    <published>2026-11-20T10:00:00Z</published>
                    <author><name>Ossian Brackenridge</name></author>
                    <content type="html">&lt;p&gt;Growers picked forty tonnes in a week.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <id>urn:fenbury:%1$s:2</id>
                    <title>%3$s</title>
                    <updated>2026-11-20T10:45:00Z</updated>
                    <summary>Walkers can use the towpath again from Monday.</summary>
                  </entry>
                  <entry>
                    <id>urn:fenbury:%1$s:3</id>
                    <updated>2026-11-20T10:50:00Z</updated>
                    <summary>An entry that forgot its title.</summary>
                  </entry>
                </feed>
                """.formatted(tag, orchard, canal));
        // No format given: Rome tells Atom by itself.
        String id = register(server.url("/atom"), "Fenbury Courier " + tag, null);

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(2, feed(id).getInt("newItems")));
        JsonPath stats = feed(id);
        assertEquals(3, stats.getInt("itemsSeen"));
        assertEquals(1, stats.getInt("itemsSkipped"));
        assertEquals("auto", stats.getString("format"));
        assertEquals(200, stats.getInt("lastStatus"));
        assertNull(stats.getString("lastError"), "a skipped entry is not an error");
        String message = published(orchard).value();
        assertTrue(message.contains("Growers picked forty tonnes in a week."), message);
        assertTrue(message.contains("\"publishedAt\":\"2026-11-20T10:00:00Z\""), message);
        assertTrue(published(canal).value().contains("Walkers can use the towpath again from Monday."));
    }

    /** A feed document may be far larger than an article: an entry beyond the article limit is skipped, not stored. */
    @Test
    void anEntryLargerThanTheArticleLimitIsSkippedAndTheOthersTaken() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String huge = "Complete minutes of every council meeting since 1974 " + tag;
        String ferry = "Ferry timetable changes for winter " + tag;
        String minutes = "<p>" + "Item: the council noted the minutes of the previous meeting. ".repeat(40_000) + "</p>";
        server.serve("/huge", "application/rss+xml; charset=utf-8",
                rss(rssItem("huge-" + tag, huge, minutes), rssItem("ferry-" + tag, ferry, "<p>Two sailings a day.</p>")));
        String id = register(server.url("/huge"), "Lowmarsh Evening Post " + tag, "rss");

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(1, feed(id).getInt("newItems")));
        JsonPath stats = feed(id);
        assertEquals(2, stats.getInt("itemsSeen"));
        assertEquals(1, stats.getInt("itemsSkipped"));
        assertNull(stats.getString("lastError"), "a skipped entry is not an error");
        assertTrue(published(ferry).value().contains("Two sailings a day."));
        assertTrue(new KafkaTestClient(bootstrapServers).collect("articles.raw",
                r -> r.value() != null && r.value().contains(huge), Duration.ofSeconds(2)).isEmpty());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ingest_articles_rejected_total{format=\"feed/rss\",problem=\"too-large\"}"),
                metrics);
    }

    @Test
    void ninjsListsBecomeArticlesCreditedToTheFeedUnlessTheyNameTheirSource() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String lighthouse = "Lighthouse keeper retires after forty years " + tag;
        String market = "Saturday market moves to the quay " + tag;
        String schools = "Schools close early for the storm " + tag;
        server.serve("/ninjs", "application/json", """
                {"items": [
                  {"uri": "urn:saltby:%1$s:1", "versioncreated": "2026-11-20T08:00:00Z",
                   "headline": "%2$s", "body_text": "Agnes Pellow lit the lamp for the last time on Thursday."},
                  {"uri": "urn:saltby:%1$s:2", "versioncreated": "2026-11-20T08:30:00Z",
                   "copyrightholder": "Quayside Agency %1$s",
                   "headline": "%3$s", "body_text": "Stallholders voted for the new site."}
                ]}
                """.formatted(tag, lighthouse, market));
        server.serve("/ninjs-list", "application/json", """
                [{"uri": "urn:saltby:%1$s:3", "versioncreated": "2026-11-20T09:00:00Z",
                  "headline": "%2$s", "body_text": "Buses will leave at noon."}]
                """.formatted(tag, schools));
        String id = register(server.url("/ninjs"), "Saltby Herald " + tag, "ninjs");
        // No format given: JSON is read as ninjs.
        String list = register(server.url("/ninjs-list"), "Saltby Herald " + tag, null);

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(2, feed(id).getInt("newItems")));
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(1, feed(list).getInt("newItems")));
        assertTrue(published(lighthouse).value().contains("\"source\":\"Saltby Herald " + tag + "\""));
        assertTrue(published(market).value().contains("\"source\":\"Quayside Agency " + tag + "\""));
        assertTrue(published(schools).value().contains("Buses will leave at noon."));
    }

    @Test
    void aFailingFeedBacksOffAndRecovers() throws Exception {
        FeedServer server = server();
        int port = server.port();
        server.fail("/flaky", 500);
        String id = register(server.url("/flaky"), "Marsh Radio", "rss");

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(1, feed(id).getInt("consecutiveFailures")));
        JsonPath once = feed(id);
        assertEquals(500, once.getInt("lastStatus"));
        assertTrue(once.getString("lastError").contains("HTTP 500"), once.getString("lastError"));
        assertEquals(INTERVAL.multipliedBy(2), gap(once), "interval x 2^1");

        server.close();
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(2, feed(id).getInt("consecutiveFailures")));
        JsonPath twice = feed(id);
        assertNull(twice.get("lastStatus"), "no response, no status");
        assertTrue(twice.getString("lastError").contains("Could not connect"), twice.getString("lastError"));
        assertEquals(INTERVAL.multipliedBy(4), gap(twice), "interval x 2^2");

        FeedServer back = FeedServer.start(port);
        servers.add(back);
        back.serve("/flaky", "application/rss+xml", rss(rssItem("marsh-" + UUID.randomUUID(),
                "Marsh Radio back on air", "<p>The transmitter was repaired overnight.</p>")));
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(0, feed(id).getInt("consecutiveFailures")));
        JsonPath recovered = feed(id);
        assertNull(recovered.getString("lastError"));
        assertEquals(200, recovered.getInt("lastStatus"));
        assertEquals(INTERVAL, gap(recovered), "back to the plain interval");
    }

    @Test
    void aFeedWithADoctypeIsRefusedAndItsEntitiesAreNeverFetched() throws Exception {
        FeedServer server = server();
        server.serve("/secret", "text/plain", "the contents of a private file");
        server.serve("/evil.dtd", "application/xml-dtd", "<!ENTITY % sneaky \"<!ENTITY leak2 'x'>\">");
        server.serve("/doctype", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [
                  <!ENTITY leak SYSTEM "%1$s">
                  <!ENTITY %% remote SYSTEM "%2$s">
                  %%remote;
                ]>
                <rss version="2.0"><channel><title>Innocent Weekly</title>
                  <item><guid>i-1</guid><title>&leak;</title><description>Nothing to see.</description></item>
                </channel></rss>
                """.formatted(server.url("/secret"), server.url("/evil.dtd")));
        String id = register(server.url("/doctype"), "Innocent Weekly", "rss");

        await().atMost(WITHIN).untilAsserted(() -> given().get("/v1/feeds/" + id).then()
                .body("consecutiveFailures", greaterThanOrEqualTo(1))
                .body("lastError", containsString("DOCTYPE"))
                .body("newItems", equalTo(0))
                .body("itemsSeen", equalTo(0))
                .body("lastNewItemAt", nullValue()));
        assertEquals(0, server.requests("/secret").size(), "an external entity was fetched");
        assertEquals(0, server.requests("/evil.dtd").size(), "an external DTD was fetched");
    }

    /** Every hop is checked: a publisher on an allowed host cannot send the poller to an internal one. */
    @Test
    void aRedirectToAnInternalAddressIsRefusedBeforeAnythingConnectsToIt() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Scripted: this name is never asked of DNS, and nothing may ever connect to what it resolves to.
        String desk = "desk-" + tag + ".newsroom.test";
        ScriptedHostResolver.answer(desk, "10.0.0.1");
        String inward = "http://" + desk + ":" + server.port() + "/rss";
        server.redirect("/moved", 302, inward);
        server.redirect("/metadata", 301, "http://169.254.169.254/latest/meta-data/");
        String moved = register(server.url("/moved"), "Marsh Radio " + tag, "rss");
        String metadata = register(server.url("/metadata"), "Marsh Radio " + tag, "rss");

        String refusal = "Redirect to " + inward + " not followed: feed address 10.0.0.1 (of " + desk + ") is private; "
                + "allowed: public addresses or hosts in ingest.feeds.allowed-internal-hosts";
        // The same error at every poll, however many have failed by the time it is read.
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(refusal, feed(moved).getString("lastError")));
        JsonPath refused = feed(moved);
        assertTrue(refused.getInt("consecutiveFailures") >= 1);
        assertNull(refused.get("lastStatus"), "no feed response came");
        assertEquals(0, refused.getInt("newItems"));

        await().atMost(WITHIN).untilAsserted(() -> assertTrue(String.valueOf(feed(metadata).getString("lastError"))
                .contains("not followed: feed address 169.254.169.254 is link-local"), feed(metadata).getString("lastError")));
    }

    @Test
    void aRedirectWithinAllowedHostsIsFollowedButNotForever() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String headline = "Lock gates replaced at Saltby " + tag;
        server.redirect("/old-rss", 301, "/rss-v2");
        server.serve("/rss-v2", "application/rss+xml", rss(rssItem("lock-" + tag, headline, "<p>Work took a week.</p>")));
        server.redirect("/loop", 302, "/loop");
        String moved = register(server.url("/old-rss"), "Saltby Herald " + tag, "rss");
        // Polled once: the next poll, an hour on, cannot add to the count of requests.
        String loop = register(server.url("/loop"), "Saltby Herald " + tag, "rss", Duration.ofHours(1));

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(1, feed(moved).getInt("newItems")));
        assertEquals(200, feed(moved).getInt("lastStatus"));
        assertTrue(published(headline).value().contains("Work took a week."));

        await().atMost(WITHIN).untilAsserted(() -> assertTrue(String.valueOf(feed(loop).getString("lastError"))
                .startsWith("More than 5 redirects"), feed(loop).getString("lastError")));
        assertEquals(6, server.requests("/loop").size(), "the first request and five redirects, then no more");
    }

    /**
     * DNS rebinding: a name that resolved to an allowed address when registered, and inward later, is checked at
     * each poll, and the request goes to the address checked, with the feed's own name in its Host header.
     */
    @Test
    void aHostThatResolvesInwardAtPollTimeIsNotFetched() throws Exception {
        FeedServer server = server();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String host = "rebind-" + tag + ".newsroom.test";
        ScriptedHostResolver.answer(host, "127.0.0.1");
        String headline = "Tide gauge installed at the quay " + tag;
        server.serve("/rss", "application/rss+xml", rss(rssItem("tide-" + tag, headline, "<p>It reads every minute.</p>")));
        String id = register("http://" + host + ":" + server.port() + "/rss", "Quayside Agency " + tag, "rss");

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(1, feed(id).getInt("newItems")));
        assertEquals(host + ":" + server.port(), server.requests("/rss").get(0).host());

        ScriptedHostResolver.answer(host, "10.0.0.1");
        await().atMost(WITHIN).untilAsserted(() -> assertEquals("Not fetched: feed address 10.0.0.1 (of " + host
                + ") is private; allowed: public addresses or hosts in ingest.feeds.allowed-internal-hosts",
                feed(id).getString("lastError")));
        assertNull(feed(id).get("lastStatus"));
    }

    /** The test profile lists archive.newsroom.test by name; 127.0.0.2 is loopback and not listed by address. */
    @Test
    void theAllowlistAdmitsAListedInternalHostByName() throws Exception {
        FeedServer server = FeedServer.start("127.0.0.2", 0);
        servers.add(server);
        ScriptedHostResolver.answer("archive.newsroom.test", "127.0.0.2");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String headline = "Archive digitises 1953 flood reports " + tag;
        server.serve("/archive", "application/rss+xml", rss(rssItem("arch-" + tag, headline, "<p>Scans are online.</p>")));
        String id = register("http://archive.newsroom.test:" + server.port() + "/archive", "Fenbury Courier " + tag, "rss");

        await().atMost(WITHIN).untilAsserted(() -> assertEquals(1, feed(id).getInt("newItems")));
        assertEquals("archive.newsroom.test:" + server.port(), server.requests("/archive").get(0).host());
        given().contentType(ContentType.JSON)
                .body(Map.of("url", server.url("/archive"), "source", "Fenbury Courier " + tag))
                .post("/v1/feeds").then().statusCode(400)
                .body("type", equalTo("urn:problem:wire:feed-address-refused"))
                .body("detail", containsString("feed address 127.0.0.2 is loopback"));
    }

    /** How long the feed waits after its last poll. */
    private static Duration gap(JsonPath feed) {
        return Duration.between(Instant.parse(feed.getString("lastPolledAt")),
                Instant.parse(feed.getString("nextPollAt")));
    }
}
