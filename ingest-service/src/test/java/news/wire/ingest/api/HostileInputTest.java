package news.wire.ingest.api;

import static news.wire.testkit.HostileCase.encode;
import static news.wire.testkit.HostileCase.get;
import static news.wire.testkit.HostileCase.param;
import static news.wire.testkit.HostileCase.post;
import static news.wire.testkit.HostileCase.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.ingest.feeds.Feed;
import news.wire.ingest.feeds.ScriptedHostResolver;
import news.wire.ingest.intake.Article;
import news.wire.ingest.outbox.OutboxMessage;
import news.wire.testkit.HostileCase;
import news.wire.testkit.HostileClient;
import news.wire.testkit.KafkaTestClient;

/**
 * Malformed and hostile input at every endpoint of ingest-service, one table row per request: each must be refused
 * with its problem type (or, where the input is odd but legitimate, accepted and stored safely). Articles accepted
 * before the barrage are checked afterwards, in PostgreSQL and on articles.raw: same version, same text, published
 * once; and the only articles created are the ones the table accepts.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String SOURCE = "Hostile Test Wire";
    /** The seed that refused requests try to overwrite, kill or re-version. */
    private static final String SEED_ITEM = "hostile-seed-" + UUID.randomUUID();
    private static final String SEED_NITF_ITEM = "HOSTILE-NITF-" + UUID.randomUUID();
    /** Feed hosts the test's resolver answers for: one inward, one with a public and a private address. */
    private static final String INTRANET = "intranet.newsroom.test";
    private static final String SPLIT = "split.newsroom.test";

    /** State of the seeds before the barrage, compared after it. */
    private static final Map<String, Article> SEEDS = new LinkedHashMap<>();
    private static long articlesBefore;
    private static long outboxBefore;
    private static long feedsBefore;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    String root;

    private final ObjectMapper json = new ObjectMapper();

    // ---------------------------------------------------------------- the table

    private static List<HostileCase> refusedCases() {
        List<HostileCase> cases = new ArrayList<>();
        String articles = "/v1/articles";
        String batch = "/v1/articles:batch";

        // Truncated and invalid JSON.
        cases.add(post("json", "empty body", articles).contentType(JSON).body("").refused(400, "malformed-json"));
        cases.add(post("json", "truncated object", articles).contentType(JSON)
                .body("{\"headline\": \"Ferry strike\", \"body\": ").refused(400, "malformed-json"));
        cases.add(post("json", "truncated inside a string", articles).contentType(JSON)
                .body("{\"headline\": \"Ferry str").refused(400, "malformed-json"));
        cases.add(post("json", "an array, not an object", articles).contentType(JSON)
                .body("[" + simple("In an array", "x") + "]").refused(400, "malformed-json"));
        cases.add(post("json", "a bare string", articles).contentType(JSON).body("\"headline\"")
                .refused(400, "malformed-json"));
        cases.add(post("json", "literal null", articles).contentType(JSON).body("null").refused(400, "malformed-json"));
        cases.add(post("json", "trailing garbage after the object", articles).contentType(JSON)
                .body(simple("Trailing", "x") + " {\"more\":1}").refused(400, "malformed-json"));
        cases.add(post("json", "the same field twice", articles).contentType(JSON)
                .body("{\"headline\":\"One\",\"headline\":\"Two\",\"body\":\"b\",\"source\":\"" + SOURCE
                        + "\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}").refused(400, "malformed-json"));
        cases.add(post("json", "single quotes and a comment", articles).contentType(JSON)
                .body("{'headline': 'x' /* c */}").refused(400, "malformed-json"));
        cases.add(post("json", "raw control character inside a string", articles).contentType(JSON)
                .body("{\"headline\":\"Bell\u0007\",\"body\":\"b\"}").refused(400, "malformed-json"));
        cases.add(post("json", "arrays nested 100,000 deep", articles).contentType(JSON)
                .body("[".repeat(100_000) + "]".repeat(100_000)).refused(400, "malformed-json"));
        cases.add(post("json", "objects nested 5,000 deep in a field", articles).contentType(JSON)
                .body("{\"headline\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}")
                .refused(400, "malformed-json"));
        cases.add(post("json", "operator object as a headline (NoSQL injection)", articles).contentType(JSON)
                .body(simple("x", "b").replace("\"headline\":\"x\"", "\"headline\":{\"$ne\":null}"))
                .refused(400, "invalid-article"));
        cases.add(post("json", "a number with 5,000 digits as version", articles).contentType(JSON)
                .body(simple("Long number", "b").replace("{", "{\"version\":" + "9".repeat(5_000) + ","))
                .refused(400, "malformed-json"));
        cases.add(post("json", "version beyond a 32-bit integer", articles).contentType(JSON)
                .body(simple("Big version", "b").replace("{", "{\"version\":99999999999,"))
                .refused(400, "malformed-json"));
        cases.add(post("json", "negative version", articles).contentType(JSON)
                .body(simple("Negative version", "b").replace("{", "{\"version\":-3,"))
                .refused(400, "invalid-article"));
        cases.add(post("json", "ninjs without headline or body", articles).contentType(JSON)
                .body("{\"uri\":\"urn:hostile:" + UUID.randomUUID() + "\",\"copyrightholder\":\"" + SOURCE + "\"}")
                .refused(400, "missing-field"));
        cases.add(post("json", "ninjs headline that is an object", articles).contentType(JSON)
                .body("{\"uri\":\"urn:hostile:x\",\"headline\":{\"a\":1},\"body_text\":\"b\"}")
                .refused(400, "invalid-field"));

        // Invalid UTF-8 and charsets (a Latin-1 é in UTF-8 is tested in WireFormatIntakeTest).
        cases.add(post("charset", "overlong UTF-8 encoding of '/'", articles).contentType(JSON)
                .body(simple("Over@long", "b"), "@", 0xC0, 0xAF).refused(400, "invalid-charset"));
        cases.add(post("charset", "UTF-8-encoded surrogate", articles).contentType(JSON)
                .body(simple("Surro@gate", "b"), "@", 0xED, 0xA0, 0x80).refused(400, "invalid-charset"));
        cases.add(post("charset", "multi-byte sequence cut at the end", articles).contentType("text/plain")
                .body("Cut short\n\nThe body ends mid-character @", "@", 0xE2, 0x82)
                .refused(400, "invalid-charset"));
        cases.add(post("charset", "invalid byte in an NDJSON line", batch).contentType(NDJSON)
                .body(simple("Bad by@te", "b"), "@", 0xFF).refusedLine(400, "invalid-charset"));
        cases.add(post("charset", "unknown charset name", articles).contentType("application/json; charset=klingon")
                .body(simple("Klingon", "b")).refused(400, "unsupported-charset"));
        cases.add(post("charset", "XML declaring one encoding, bytes in another", articles)
                .contentType("application/xml").body(nitf("Caf@ owners", "Body."), "@", 0xE9)
                .refused(400, "invalid-charset"));
        cases.add(post("charset", "JSON escape of an unpaired surrogate", articles).contentType(JSON)
                .body(simple("Lone \\ud800 surrogate", "b")).refused(400, "invalid-article"));

        // XML: truncation and the DOCTYPE variants not covered by WireFormatIntakeTest.
        cases.add(post("xml", "truncated NITF", articles).contentType("application/nitf+xml")
                .body(nitf("Truncated", "Body").substring(0, 120)).refused(400, "malformed-xml"));
        cases.add(post("xml", "external entity in NewsML-G2", articles).contentType("application/vnd.iptc.g2.newsitem+xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">&x;</newsItem>")
                .refused(400, "dtd-refused"));
        cases.add(post("xml", "parameter entity fetching a remote DTD", articles).contentType("application/xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>"
                        + "<nitf/>").refused(400, "dtd-refused"));
        cases.add(post("xml", "lower-case doctype after a comment and a PI", articles).contentType("text/xml")
                .body("<?xml version=\"1.0\"?><!-- c --><?pi x?><!doctype nitf [<!ENTITY a \"aaaa\">]><nitf>&a;</nitf>")
                .refused(400, "dtd-refused"));
        cases.add(post("xml", "entity bomb in UTF-16 with a byte-order mark", articles).contentType("application/xml")
                .body(utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + "<nitf>&c;</nitf>")).refused(400, "dtd-refused"));
        cases.add(post("xml", "character reference to NUL", articles).contentType("application/xml")
                .body(nitf("Null &#0; here", "Body.")).refused(400, "malformed-xml"));
        cases.add(post("xml", "undeclared entity", articles).contentType("application/xml")
                .body(nitf("&nbsp;Undeclared", "Body.")).refused(400, "malformed-xml"));
        cases.add(post("xml", "root element that is neither NITF nor NewsML-G2", articles).contentType("application/xml")
                .body("<html><body><script>alert(1)</script></body></html>").refused(415, "unsupported-media-type"));
        cases.add(post("xml", "elements nested 100,000 deep in the body", articles).contentType("application/xml")
                .body(nitf("Deep", "<div>".repeat(100_000) + "x" + "</div>".repeat(100_000)))
                .refused(400, "malformed-xml"));

        // Oversized fields and huge headlines (an oversized body is tested in IntakeSemanticsTest and ArticleBatchTest).
        String huge = "Headline ".repeat(12_000);
        cases.add(post("size", "1,001-character headline, simple form", articles).contentType(JSON)
                .body(simple("h".repeat(1_001), "b")).refused(400, "invalid-article"));
        cases.add(post("size", "100,000-character headline in ninjs", articles).contentType(JSON)
                .body(ninjs("urn:hostile:" + UUID.randomUUID(), huge)).refused(400, "invalid-article"));
        cases.add(post("size", "100,000-character headline in NITF", articles).contentType("application/xml")
                .body(nitf(huge, "Body.")).refused(400, "invalid-article"));
        cases.add(post("size", "100,000-character first line of plain text", articles).contentType("text/plain")
                .header("X-Source", SOURCE).body(huge + "\n\nBody.").refused(400, "invalid-article"));
        cases.add(post("size", "100,000-character headline in an NDJSON line", batch).contentType(NDJSON)
                .body(ninjs("urn:hostile:" + UUID.randomUUID(), huge)).refusedLine(400, "invalid-article"));
        cases.add(post("size", "300-character source in ninjs", articles).contentType(JSON)
                .body(ninjs("urn:hostile:" + UUID.randomUUID(), "Long source").replace(SOURCE, "S".repeat(300)))
                .refused(400, "invalid-article"));
        cases.add(post("size", "300-character ?source= for plain text", articles + "?" + param("source", "S".repeat(300)))
                .contentType("text/plain").body("Headline\n\nBody.").refused(400, "invalid-article"));
        cases.add(post("size", "600-character provider id in ninjs", articles).contentType(JSON)
                .body(ninjs("urn:" + "u".repeat(600), "Long id")).refused(400, "invalid-article"));
        cases.add(post("size", "60-character language tag", articles).contentType(JSON)
                .body(simple("Long language", "b").replace("{", "{\"language\":\"en" + "-abcdefgh".repeat(6) + "\","))
                .refused(400, "invalid-article"));

        // Control characters: refused in our own JSON form and in request parameters (wire formats strip them).
        cases.add(post("control", "NUL in the body", articles).contentType(JSON)
                .body(simple("Null body", "before\\u0000after")).refused(400, "invalid-article"));
        cases.add(post("control", "NUL in the headline of a new version of an accepted article", articles)
                .contentType(JSON).body(simpleItem(SEED_ITEM, "Seed \\u0000 overwritten", "Changed body."))
                .refused(400, "invalid-article"));
        cases.add(post("control", "escape sequence in the headline", articles).contentType(JSON)
                .body(simple("Red \\u001b[31malert", "b")).refused(400, "invalid-article"));
        cases.add(post("control", "line break in the source (log forging)", articles).contentType(JSON)
                .body(simple("Forged", "b").replace(SOURCE, SOURCE + "\\n12:00:00 INFO forged line"))
                .refused(400, "invalid-article"));
        cases.add(post("control", "line break and SOH in ?source=", articles + "?" + param("source", SOURCE + "\n\u0001"))
                .contentType("text/plain").body("Headline\n\nBody.").refused(400, "invalid-article"));
        cases.add(post("control", "NUL in an NDJSON line", batch).contentType(NDJSON)
                .body(simple("Null line", "a\\u0000b")).refusedLine(400, "invalid-article"));

        // Absurd dates and numbers.
        cases.add(post("dates", "30 February", articles).contentType(JSON)
                .body(simple("Feb 30", "b").replace("2026-11-20T08:00:00Z", "2026-02-30T08:00:00Z"))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "year +999999999", articles).contentType(JSON)
                .body(simple("Far future", "b").replace("2026-11-20T08:00:00Z", "+999999999-12-31T23:59:59Z"))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "year 9999", articles).contentType(JSON)
                .body(simple("Sticky top", "b").replace("2026-11-20T08:00:00Z", "9999-12-31T23:59:59Z"))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "year 1", articles).contentType(JSON)
                .body(simple("Year one", "b").replace("2026-11-20T08:00:00Z", "0001-01-01T00:00:00Z"))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "44 BC", articles).contentType(JSON)
                .body(simple("Ides of March", "b").replace("2026-11-20T08:00:00Z", "-0043-03-15T12:00:00Z"))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "publication time as a huge number", articles).contentType(JSON)
                .body(simple("Epoch", "b").replace("\"2026-11-20T08:00:00Z\"", "1e300"))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "embargo until the year 10000", articles).contentType(JSON)
                .body(simple("Held forever", "b").replace("{", "{\"embargoedUntil\":\"+10000-01-01T00:00:00Z\","))
                .refused(400, "invalid-article"));
        cases.add(post("dates", "X-Published-At in the year 9999", articles).contentType("text/plain")
                .header("X-Source", SOURCE).header("X-Published-At", "9999-01-01T00:00:00Z")
                .body("Headline\n\nBody.").refused(400, "invalid-article"));
        cases.add(post("dates", "?publishedAt= that is not a date", articles + "?" + param("publishedAt", "'; DROP TABLE article; --"))
                .contentType("text/plain").header("X-Source", SOURCE).body("Headline\n\nBody.")
                .refused(400, "invalid-date"));
        cases.add(post("dates", "ninjs firstcreated in year 0001", articles).contentType(JSON)
                .body(ninjs("urn:hostile:" + UUID.randomUUID(), "Old").replace("2026-11-20T09:00:00Z", "0001-01-01T00:00:00Z"))
                .refused(400, "invalid-article"));

        // Wrong content types.
        cases.add(post("content-type", "no Content-Type", articles).body(simple("No type", "b"))
                .refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "Content-Type that is not a media type", articles).contentType(";;;")
                .body(simple("Semicolons", "b")).refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "form-encoded", articles).contentType("application/x-www-form-urlencoded")
                .body("headline=x&body=y").refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "multipart", articles).contentType("multipart/form-data; boundary=b")
                .body("--b\r\n\r\nx\r\n--b--").refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "script as the media type", articles).contentType("<script>alert(1)</script>")
                .body(simple("Script type", "b")).refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "JSON sent as XML", articles).contentType("application/xml")
                .body(simple("JSON as XML", "b")).refused(400, "malformed-xml"));
        cases.add(post("content-type", "XML sent as JSON", articles).contentType(JSON)
                .body(nitf("XML as JSON", "b")).refused(400, "malformed-json"));
        cases.add(post("content-type", "simple form sent as ninjs", articles).contentType("application/ninjs+json")
                .body(simple("Not ninjs", "b")).refused(400, "missing-field"));
        cases.add(post("content-type", "batch sent as JSON", batch).contentType(JSON)
                .body(simple("Batch as JSON", "b")).refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "feed registration sent as text", "/v1/feeds").contentType("text/plain")
                .body("{\"url\":\"http://127.0.0.1:9/feed\",\"source\":\"" + SOURCE + "\"}")
                .refused(415, "unsupported-media-type"));

        // Batches: lines that must each be refused on their own.
        cases.add(post("batch", "truncated line", batch).contentType(NDJSON).body("{\"headline\": \"x\"")
                .refusedLine(400, "malformed-json"));
        cases.add(post("batch", "array line", batch).contentType(NDJSON).body("[1,2,3]")
                .refusedLine(400, "malformed-json"));
        cases.add(post("batch", "ninjs line without headline or body", batch).contentType(NDJSON)
                .body("{\"uri\":\"urn:hostile:" + UUID.randomUUID() + "\",\"copyrightholder\":\"" + SOURCE + "\"}")
                .refusedLine(400, "missing-field"));
        cases.add(post("batch", "line with an absurd date", batch).contentType(NDJSON)
                .body(simple("Absurd line", "b").replace("2026-11-20T08:00:00Z", "+200000-01-01T00:00:00Z"))
                .refusedLine(400, "invalid-article"));
        cases.add(post("batch", "line killing an item never accepted", batch).contentType(NDJSON)
                .body("{\"uri\":\"urn:hostile:never-" + UUID.randomUUID() + "\",\"pubstatus\":\"canceled\","
                        + "\"copyrightholder\":\"" + SOURCE + "\"}").refusedLine(404, "unknown-item"));

        // Article ids and methods.
        cases.add(get("path", "article id that is not a UUID", articles + "/not-a-uuid").refused(404, "not-found"));
        cases.add(get("path", "article id with SQL injection", articles + "/" + encode("1' OR '1'='1"))
                .refused(404, "not-found"));
        cases.add(get("path", "article id with an encoded NUL", articles + "/%00").refused(404, "not-found"));
        cases.add(request("path", "DELETE of an id that is not a UUID", "DELETE", articles + "/..%2F..%2Fq%2Fhealth")
                .refused(404, "not-found"));
        cases.add(request("path", "DELETE of an unknown article", "DELETE", articles + "/" + UUID.randomUUID())
                .refused(404, "unknown-item"));
        cases.add(request("path", "PUT over the articles collection", "PUT", articles).contentType(JSON)
                .body(simple("Put", "b")).refused(405, "http-405"));
        cases.add(get("path", "feed id that is not a UUID", "/v1/feeds/" + encode("<script>")).refused(404, "not-found"));
        cases.add(request("path", "DELETE of an unknown feed", "DELETE", "/v1/feeds/" + UUID.randomUUID())
                .refused(404, "not-found"));

        // Feed registrations.
        cases.add(post("feeds", "malformed JSON", "/v1/feeds").contentType(JSON).body("{\"url\": ")
                .refused(400, "malformed-json"));
        cases.add(post("feeds", "an array", "/v1/feeds").contentType(JSON).body("[]").refused(400, "invalid-feed"));
        cases.add(post("feeds", "file: URL", "/v1/feeds").contentType(JSON).body(feed("file:///etc/passwd", SOURCE))
                .refused(400, "invalid-feed"));
        cases.add(post("feeds", "javascript: URL", "/v1/feeds").contentType(JSON)
                .body(feed("javascript:alert(document.cookie)", SOURCE)).refused(400, "invalid-feed"));
        cases.add(post("feeds", "URL with a CRLF header injection", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/feed\\r\\nX-Injected: 1", SOURCE)).refused(400, "invalid-feed"));
        cases.add(post("feeds", "URL of 5,000 characters", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/" + "a".repeat(5_000), SOURCE)).refused(400, "invalid-feed"));
        cases.add(post("feeds", "NUL in the source", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/nul-source", "Wire\\u0000")).refused(400, "invalid-feed"));
        cases.add(post("feeds", "line break in the source", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/newline-source", "Wire\\nINFO forged")).refused(400, "invalid-feed"));
        cases.add(post("feeds", "poll interval of a billion days", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/slow", SOURCE).replace("}", ",\"pollInterval\":\"P999999999D\"}"))
                .refused(400, "invalid-feed"));
        cases.add(post("feeds", "poll interval of 1e400 seconds", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/huge", SOURCE).replace("}", ",\"pollInterval\":1e400}"))
                .refused(400, "invalid-feed"));
        cases.add(post("feeds", "negative poll interval", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/negative", SOURCE).replace("}", ",\"pollInterval\":\"PT-5S\"}"))
                .refused(400, "invalid-feed"));
        cases.add(post("feeds", "script as the format", "/v1/feeds").contentType(JSON)
                .body(feed("http://127.0.0.1:9/script", SOURCE).replace("}", ",\"format\":\"<script>\"}"))
                .refused(400, "invalid-feed"));

        // Feed addresses: the poller must never be pointed inward. The test profile admits only 127.0.0.1 and
        // archive.newsroom.test; the names below resolve through the test's resolver, and nothing connects.
        cases.add(feedAt("Elasticsearch on another loopback address", "http://127.0.0.2:9200/_cat/indices"));
        cases.add(feedAt("IPv6 loopback", "http://[::1]:9200/_cat/indices"));
        cases.add(feedAt("private 10/8", "http://10.0.0.1/feed.xml"));
        cases.add(feedAt("private 172.16/12", "http://172.16.0.1/feed.xml"));
        cases.add(feedAt("private 192.168/16", "http://192.168.1.1/rss"));
        cases.add(feedAt("cloud metadata address", "http://169.254.169.254/latest/meta-data/iam/"));
        cases.add(feedAt("IPv6 unique local address", "http://[fd00::1]/feed.xml"));
        cases.add(feedAt("IPv6 link-local address", "http://[fe80::1]/feed.xml"));
        cases.add(feedAt("multicast address", "http://224.0.0.1/feed.xml"));
        cases.add(feedAt("unspecified 0.0.0.0 (the machine itself)", "http://0.0.0.0:8081/v1/articles"));
        cases.add(feedAt("carrier-grade NAT 100.64/10", "https://100.64.0.1/feed.xml"));
        cases.add(feedAt("IPv4-mapped IPv6 form of a loopback address", "http://[::ffff:127.0.0.2]:5432/"));
        // 127.0.0.2: 127.0.0.1 itself is the test profile's allowed address.
        cases.add(feedAt("loopback written as one decimal number", "http://2130706434:9092/"));
        cases.add(feedAt("host name that resolves to a private address", "http://" + INTRANET + "/rss"));
        cases.add(feedAt("host name with a public and a private address", "http://" + SPLIT + "/rss"));

        // Source keys: closed without an admin token in this profile; hostile names and bodies change nothing.
        String keys = "/v1/sources/" + encode(SOURCE) + "/keys";
        cases.add(post("keys", "issuing a key without the admin token", keys).contentType(JSON).body("{\"label\":\"x\"}")
                .refused(403, "admin-only"));
        cases.add(post("keys", "forged admin token of 4,000 characters", keys).contentType(JSON)
                .header("X-Admin-Token", "<script>".repeat(500)).body("{}").refused(403, "admin-only"));
        cases.add(get("keys", "listing the keys of a source named with SQL", "/v1/sources/" + encode("x' OR 1=1 --") + "/keys")
                .refused(403, "admin-only"));
        cases.add(request("keys", "revoking with an id that is not a UUID", "DELETE", keys + "/not-a-uuid")
                .refused(404, "not-found"));
        return cases;
    }

    /**
     * Odd but legitimate input, accepted and stored safely; the check looks at what was stored. Each creates exactly
     * one article.
     */
    private static List<HostileCase> acceptedCases() {
        List<HostileCase> cases = new ArrayList<>();
        String articles = "/v1/articles";
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        cases.add(post("markup", "script and HTML in a plain-JSON article are text, kept verbatim", articles)
                .contentType(JSON).body(simple("Headline " + script, "Body <b>bold</b> " + script + " & more"))
                .answered(202, answer -> {
                    Article stored = stored(answer);
                    assertEquals("Headline " + script, stored.headline);
                    assertEquals("Body <b>bold</b> " + script + " & more", stored.body);
                }));
        cases.add(post("markup", "script in an HTML page is dropped, its text never reaches the body", articles)
                .contentType("text/html; charset=UTF-8").header("X-Source", SOURCE)
                .body("<html><head><title>Page</title><script>document.write('INJECTED')</script></head><body>"
                        + "<h1>Council meets " + UUID.randomUUID() + "</h1><p onclick=\"alert(1)\">Minutes follow.</p>"
                        + "<script>alert('INJECTED')</script><iframe src=\"javascript:alert(1)\"></iframe></body></html>")
                .answered(202, answer -> {
                    Article stored = stored(answer);
                    assertEquals("Minutes follow.", stored.body);
                    assertFalse(stored.headline.contains("INJECTED") || stored.body.contains("INJECTED"));
                }));
        cases.add(post("markup", "escaped markup in NITF stays text", articles).contentType("application/xml")
                .body(nitf("Tags &lt;script&gt;alert(1)&lt;/script&gt; in copy", "Read &lt;b&gt;this&lt;/b&gt;."))
                .answered(202, answer -> {
                    Article stored = stored(answer);
                    assertTrue(stored.headline.startsWith("Tags <script>alert(1)</script> in copy"), stored.headline);
                    assertEquals("Read <b>this</b>.", stored.body);
                }));
        cases.add(post("xml", "XInclude of /etc/passwd is not followed", articles).contentType("application/xml")
                .body(nitf("XInclude", "<p>Before.</p><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                        + "href=\"file:///etc/passwd\" parse=\"text\"/><p>After.</p>"))
                .answered(202, answer -> assertEquals("Before.\n\nAfter.", stored(answer).body)));
        cases.add(post("markup", "100,000 nested elements in an HTML page", articles)
                .contentType("text/html").header("X-Source", SOURCE)
                .body("<html><body><h1>Deep page " + UUID.randomUUID() + "</h1>" + "<div>".repeat(100_000)
                        + "Deep text." + "</div>".repeat(100_000) + "</body></html>")
                .answered(202, answer -> assertEquals("Deep text.", stored(answer).body)));
        cases.add(post("control", "teletype control characters in plain text are stripped", articles)
                .contentType("text/plain").header("X-Source", SOURCE)
                .body("\u0001Tide\u0002 tables " + UUID.randomUUID() + "\u0003\n\nHigh\u0007 water at noon.\u0004")
                .answered(202, answer -> {
                    Article stored = stored(answer);
                    assertTrue(stored.headline.startsWith("Tide tables "), stored.headline);
                    assertEquals("High water at noon.", stored.body);
                }));
        cases.add(post("control", "tabs and line breaks in a plain-JSON body are kept", articles).contentType(JSON)
                .body(simple("Tabulated", "Line one\\tcol\\r\\nLine two")).answered(202,
                answer -> assertEquals("Line one\tcol\r\nLine two", stored(answer).body)));
        cases.add(post("unicode", "right-to-left override and emoji are text like any other", articles)
                .contentType(JSON).body(simple("Flag \u202Egnp.exe \uD83C\uDDFA\uD83C\uDDE6", "Body \uD83D\uDE00."))
                .answered(202, answer -> {
                    Article stored = stored(answer);
                    assertTrue(stored.headline.startsWith("Flag \u202Egnp.exe \uD83C\uDDFA\uD83C\uDDE6"));
                    assertEquals("Body \uD83D\uDE00.", stored.body);
                }));
        cases.add(post("unknown-fields", "unknown and privileged-looking fields are ignored", articles)
                .contentType(JSON).body(simple("Unknown fields", "b").replace("{", "{\"id\":\"00000000-0000-0000-0000-"
                        + "000000000001\",\"status\":\"PUBLISHED\",\"receivedAt\":\"1999-01-01T00:00:00Z\","
                        + "\"__proto__\":{\"admin\":true},\"$where\":\"1==1\","))
                .answered(202, answer -> {
                    assertNotEquals("00000000-0000-0000-0000-000000000001", answer.get("id").asText());
                    assertEquals("STORED", answer.get("status").asText());
                    assertNotEquals("1999-01-01T00:00:00Z", answer.get("receivedAt").asText());
                }));
        cases.add(post("size", "headline of exactly 1,000 characters", articles).contentType(JSON)
                .body(simple("h".repeat(980) + UUID.randomUUID().toString().substring(0, 20), "b")).answered(202,
                answer -> assertEquals(1_000, stored(answer).headline.length())));
        cases.add(post("dates", "a 1987 Reuters date is history, not absurd", articles).contentType(JSON)
                .body(simple("Cocoa talks", "b").replace("2026-11-20T08:00:00Z", "1987-02-26T15:01:01Z")).answered(202,
                answer -> assertEquals("1987-02-26T15:01:01Z", answer.get("publishedAt").asText())));
        return cases;
    }

    // ---------------------------------------------------------------- the barrage

    @Test
    @Order(1)
    void articlesAcceptedBeforeTheBarrage() {
        HostileClient client = new HostileClient(root);
        List<HostileCase> seeds = List.of(
                post("seed", "simple form", "/v1/articles").contentType(JSON)
                        .body(simpleItem(SEED_ITEM, "Harbour reopens after storm", "Ferries ran again on Friday.")).answered(202),
                post("seed", "NITF", "/v1/articles").contentType("application/nitf+xml")
                        .body(nitf("Dam inspection finds two cracks", "Engineers reported the cracks on Tuesday.")
                                .replace("HOSTILE-NITF-ID", SEED_NITF_ITEM)).answered(202),
                post("seed", "ninjs", "/v1/articles").contentType(JSON)
                        .body(ninjs("urn:hostile:seed-" + UUID.randomUUID(), "Flood gates shut at Lowmarsh")).answered(202));
        for (HostileCase seed : seeds) {
            String id = client.check(seed).json().get("id").asText();
            SEEDS.put(id, null);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> SEEDS.keySet().forEach(id -> assertEquals(
                "PUBLISHED", client.check(get("seed", "status", "/v1/articles/" + id).answered(200)).json()
                        .get("status").asText())));
        SEEDS.replaceAll((id, none) -> article(id));
        articlesBefore = QuarkusTransaction.requiringNew().call(() -> Article.count());
        outboxBefore = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count());
        feedsBefore = QuarkusTransaction.requiringNew().call(() -> Feed.count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCases")
    @Order(2)
    void refusedWithAProblem(HostileCase c) {
        ScriptedHostResolver.answer(INTRANET, "10.1.2.3");
        ScriptedHostResolver.answer(SPLIT, "198.51.100.7", "192.168.1.10");
        new HostileClient(root).check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    @Order(3)
    void acceptedAndStoredSafely(HostileCase c) {
        new HostileClient(root).check(c);
    }

    @Test
    @Order(4)
    void afterTheBarrageNothingAcceptedBeforeIsLostOrAlteredAndTheServiceIsHealthy() {
        HostileClient client = new HostileClient(root);
        client.requireUp();
        for (Map.Entry<String, Article> seed : SEEDS.entrySet()) {
            Article before = seed.getValue();
            Article now = article(seed.getKey());
            assertEquals(before.version, now.version, "version of " + before.headline);
            assertEquals(before.headline, now.headline);
            assertEquals(before.body, now.body);
            assertEquals(before.contentHash, now.contentHash);
            assertEquals(before.status, now.status);
            JsonNode view = client.check(get("seed", "status", "/v1/articles/" + seed.getKey()).answered(200)).json();
            assertEquals("PUBLISHED", view.get("status").asText());
            assertEquals(1, view.get("versions").size(), view::toString);
        }
        // Published exactly once each: no refused request added a version, a kill or a second copy downstream.
        List<ConsumerRecord<String, String>> published = new KafkaTestClient(bootstrapServers)
                .collect("articles.raw", r -> SEEDS.containsKey(r.key()), Duration.ofSeconds(3));
        assertEquals(SEEDS.size(), published.size(), published::toString);
        for (ConsumerRecord<String, String> record : published) {
            assertTrue(record.value().contains(json(SEEDS.get(record.key()).body)), record::value);
        }
        long accepted = acceptedCases().size();
        assertEquals(articlesBefore + accepted, (long) QuarkusTransaction.requiringNew().call(() -> Article.count()),
                "only the accepted cases may create articles");
        assertEquals(outboxBefore + accepted, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count()),
                "only the accepted cases may write outbox messages");
        assertEquals(feedsBefore, (long) QuarkusTransaction.requiringNew().call(() -> Feed.count()),
                "no refused registration may create a feed");
    }

    @AfterAll
    static void printCounts() {
        System.out.println(HostileClient.summary("ingest-service HostileInputTest", refusedCases(), acceptedCases()));
    }

    // ---------------------------------------------------------------- helpers

    /** Our simple JSON form; headline and body are inserted as written (JSON escapes allowed). */
    private static String simple(String headline, String body) {
        return "{\"headline\":\"" + headline + "\",\"body\":\"" + body + "\",\"source\":\"" + SOURCE
                + "\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}";
    }

    private static String simpleItem(String itemId, String headline, String body) {
        return simple(headline, body).replace("{", "{\"sourceItemId\":\"" + itemId + "\",");
    }

    private static String ninjs(String uri, String headline) {
        return "{\"uri\":\"" + uri + "\",\"version\":\"1\",\"firstcreated\":\"2026-11-20T09:00:00Z\","
                + "\"copyrightholder\":\"" + SOURCE + "\",\"language\":\"en\",\"headlines\":[{\"role\":\"main\","
                + "\"value\":\"" + headline + "\"}],\"body_text\":\"Gates were shut on Friday. " + UUID.randomUUID()
                + "\"}";
    }

    private static String nitf(String headline, String bodyContent) {
        String content = bodyContent.startsWith("<") ? bodyContent : "<p>" + bodyContent + "</p>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><docdata><doc-id id-string=\"HOSTILE-NITF-ID-"
                + UUID.randomUUID() + "\"/><date.issue norm=\"20261120T083000Z\"/></docdata><pubdata name=\"" + SOURCE
                + "\"/></head><body><body.head><hedline><hl1>" + headline + " " + UUID.randomUUID()
                + "</hl1></hedline></body.head><body.content>" + content + "</body.content></body></nitf>";
    }

    private static String feed(String url, String source) {
        return "{\"url\":\"" + url + "\",\"source\":\"" + source + "\"}";
    }

    /** A sound registration of a feed at an address the poller must not reach. */
    private static HostileCase feedAt(String name, String url) {
        return post("feed-address", name, "/v1/feeds").contentType(JSON).body(feed(url, SOURCE))
                .refused(400, "feed-address-refused");
    }

    private static byte[] utf16(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] withBom = new byte[encoded.length + 2];
        withBom[0] = (byte) 0xFE;
        withBom[1] = (byte) 0xFF;
        System.arraycopy(encoded, 0, withBom, 2, encoded.length);
        return withBom;
    }

    private String json(String text) {
        try {
            String quoted = json.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Article stored(JsonNode answer) {
        return article(answer.get("id").asText());
    }

    private static Article article(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = Article.findById(UUID.fromString(id));
            // Detached copies: compared after the barrage, outside this transaction.
            Article copy = new Article();
            copy.version = article.version;
            copy.headline = article.headline;
            copy.body = article.body;
            copy.contentHash = article.contentHash;
            copy.status = article.status;
            return copy;
        });
    }
}
