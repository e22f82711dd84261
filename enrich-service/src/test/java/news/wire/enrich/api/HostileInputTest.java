package news.wire.enrich.api;

import static news.wire.testkit.HostileCase.post;
import static news.wire.testkit.HostileCase.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.HostileCase;
import news.wire.testkit.HostileClient;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.MessageContract;

/**
 * Malformed and hostile input at POST /v1/enrich, one table row per request: each is refused with its problem type,
 * or (odd but legitimate text) enriched with every tag's offsets pointing at its own text. Around the barrage, an
 * article on articles.raw is enriched exactly once and nothing is dead-lettered, and the same preview gives the same
 * tags before and after it.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final String JSON = "application/json";
    private static final String ENRICH = "/v1/enrich";
    private static final String SEED_BODY = "President Helen Marrow toured the dam near Korsvik on Friday. Marrow said "
            + "repairs costing $2.5 million would take a year.";

    private static String seedId;
    private static JsonNode previewBefore;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    String root;

    private static List<HostileCase> refusedCases() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(post("json", "empty body", ENRICH).contentType(JSON).body("").refused(400, "invalid-request"));
        cases.add(post("json", "truncated object", ENRICH).contentType(JSON).body("{\"headline\": \"Dam\", \"body\": ")
                .refused(400, "malformed-json"));
        cases.add(post("json", "truncated inside a string", ENRICH).contentType(JSON).body("{\"headline\": \"Da")
                .refused(400, "malformed-json"));
        cases.add(post("json", "an array", ENRICH).contentType(JSON).body("[" + article("Dam", "Body.") + "]")
                .refused(400, "invalid-request"));
        cases.add(post("json", "a bare string", ENRICH).contentType(JSON).body("\"text\"").refused(400, "invalid-request"));
        cases.add(post("json", "literal null", ENRICH).contentType(JSON).body("null").refused(400, "invalid-request"));
        cases.add(post("json", "trailing garbage after the object", ENRICH).contentType(JSON)
                .body(article("Dam", "Body.") + " {\"more\": 1}").refused(400, "malformed-json"));
        cases.add(post("json", "single quotes", ENRICH).contentType(JSON).body("{'headline': 'x'}")
                .refused(400, "malformed-json"));
        cases.add(post("json", "raw control character inside a string", ENRICH).contentType(JSON)
                .body(article("Bell\u0007", "Body.")).refused(400, "malformed-json"));
        cases.add(post("json", "arrays nested 100,000 deep", ENRICH).contentType(JSON)
                .body("[".repeat(100_000) + "]".repeat(100_000)).refused(400, "malformed-json"));
        cases.add(post("json", "objects nested 5,000 deep in a field", ENRICH).contentType(JSON)
                .body("{\"headline\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}")
                .refused(400, "malformed-json"));
        cases.add(post("json", "operator object as the body", ENRICH).contentType(JSON)
                .body(article("x", "b").replace("\"body\":\"b\"", "\"body\":{\"$gt\":\"\"}"))
                .refused(400, "invalid-request"));
        cases.add(post("json", "blank headline and body", ENRICH).contentType(JSON).body(article(" ", "\\t\\n"))
                .refused(400, "invalid-request"));

        cases.add(post("charset", "invalid UTF-8 byte", ENRICH).contentType(JSON)
                .body(article("Caf@", "Body."), "@", 0xE9).refused(400, "invalid-charset"));
        cases.add(post("charset", "overlong UTF-8 encoding", ENRICH).contentType(JSON)
                .body(article("Over@long", "Body."), "@", 0xC0, 0xAF).refused(400, "invalid-charset"));

        cases.add(post("size", "100,000-character headline", ENRICH).contentType(JSON)
                .body(article("Headline ".repeat(12_000), "Body.")).refused(400, "invalid-request"));
        cases.add(post("size", "body over the 200,000-character limit", ENRICH).contentType(JSON)
                .body(article("Long", "word ".repeat(40_001))).refused(400, "invalid-request"));
        cases.add(post("size", "body over the 2 MB article limit", ENRICH).contentType(JSON)
                .body(article("Long", "word ".repeat(450_000))).refused(413, "too-large"));
        cases.add(post("size", "body over the transport limit", ENRICH).contentType(JSON)
                .body(article("Longer", "word ".repeat(2_200_000))).refused(413, "too-large"));

        cases.add(post("dates", "publishedAt that is not a date", ENRICH).contentType(JSON)
                .body(article("Dam", "Body.").replace("2026-11-20T10:00:00Z", "'; DROP TABLE x; --"))
                .refused(400, "invalid-request"));
        cases.add(post("dates", "publishedAt without an offset", ENRICH).contentType(JSON)
                .body(article("Dam", "Body.").replace("2026-11-20T10:00:00Z", "2026-11-20T10:00:00"))
                .refused(400, "invalid-request"));
        cases.add(post("dates", "30 February", ENRICH).contentType(JSON)
                .body(article("Dam", "Body.").replace("2026-11-20T10:00:00Z", "2026-02-30T10:00:00Z"))
                .refused(400, "invalid-request"));
        cases.add(post("dates", "year +999999999", ENRICH).contentType(JSON)
                .body(article("Dam", "Last year and next year, on Monday.").replace("2026-11-20T10:00:00Z",
                        "+999999999-12-31T23:59:59Z")).refused(400, "invalid-request"));
        cases.add(post("dates", "year -999999999", ENRICH).contentType(JSON)
                .body(article("Dam", "Last year and next year, on Monday.").replace("2026-11-20T10:00:00Z",
                        "-999999999-01-01T00:00:00Z")).refused(400, "invalid-request"));
        cases.add(post("dates", "publication time as a huge number", ENRICH).contentType(JSON)
                .body(article("Dam", "Body.").replace("\"2026-11-20T10:00:00Z\"", "1e300"))
                .refused(400, "invalid-request"));

        cases.add(post("content-type", "no Content-Type", ENRICH).body(article("Dam", "Body."))
                .refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "plain text", ENRICH).contentType("text/plain").body("Dam\n\nBody.")
                .refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "form-encoded", ENRICH).contentType("application/x-www-form-urlencoded")
                .body("headline=Dam&body=Body.").refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "XML", ENRICH).contentType("application/xml")
                .body("<article><headline>Dam</headline></article>").refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "not a media type", ENRICH).contentType(";;;<script>")
                .body(article("Dam", "Body.")).refused(415, "unsupported-media-type"));
        cases.add(post("content-type", "unknown charset", ENRICH).contentType("application/json; charset=klingon")
                .body(article("Dam", "Body.")).refused(415, "unsupported-media-type"));

        cases.add(request("path", "GET instead of POST", "GET", ENRICH).refused(405, "http-405"));
        cases.add(post("path", "unknown sub-path with an encoded NUL", ENRICH + "/%00").contentType(JSON)
                .body(article("Dam", "Body.")).refused(404, "not-found"));
        cases.add(post("path", "path traversal", ENRICH + "/..%2F..%2Fq%2Fhealth").contentType(JSON)
                .body(article("Dam", "Body.")).refused(404, "not-found"));
        return cases;
    }

    /** Odd but legitimate text: enriched, and every tag's offsets point at the text the tag quotes. */
    private static List<HostileCase> acceptedCases() {
        List<HostileCase> cases = new ArrayList<>();
        String script = "<script>alert('Helen Marrow')</script><img src=x onerror=alert(1)>";
        cases.add(post("markup", "script and HTML are text: tags point into them, nothing is interpreted", ENRICH)
                .contentType(JSON).body(article("Marrow <b>visits</b> " + script, "President Helen Marrow " + script
                        + " toured Korsvik on Friday.")).answered(200, answer -> {
                    assertEquals("Marrow <b>visits</b> " + script, answer.get("headline").asText());
                    assertTrue(names(answer).contains("Helen Marrow"), answer::toString);
                }));
        cases.add(post("control", "control characters and NUL in the body", ENRICH).contentType(JSON)
                .body(article("Dam\\u0001 repairs", "\\u0000President Helen\\u0007 Marrow\\u001b[31m said 40% on "
                        + "Friday.\\u0000")).answered(200, answer -> assertTrue(answer.get("body").asText()
                        .startsWith("\u0000President"))));
        cases.add(post("unicode", "unpaired surrogates, right-to-left override and emoji", ENRICH).contentType(JSON)
                .body(article("\\ud800 Dam \u202E", "\uD83D\uDE00 President Helen Marrow \\udc00 said on Friday "
                        + "that 3 ships \uD83C\uDDFA\uD83C\uDDE6 docked.")).answered(200));
        cases.add(post("numbers", "absurd numbers in the text", ENRICH).contentType(JSON)
                .body(article("Numbers", "Officials counted 1e999999 dollars, " + "9".repeat(400) + " refugees, "
                        + "$1,000,000,000,000,000,000,000,000,000 in aid, NaN percent, -0 ships, 0x1p3 tonnes, "
                        + "99999999999999999999 trillion euros and 1.7976931348623157e309 people.")).answered(200,
                answer -> assertFalse(answer.get("numbers").isEmpty(), answer::toString)));
        cases.add(post("dates", "absurd dates in the text", ENRICH).contentType(JSON)
                .body(article("Dates", "It happened on 31 February, in the year 999999999, 99999999999 years ago, "
                        + "in 2147483648 days, on 2026-13-45, at 25:61, in week 54 of 2026, every 0th Monday, "
                        + "on Monday 99999999 weeks from now and in the 99999999th century.")).answered(200));
        cases.add(post("dates", "ordinary text published in the year 9999", ENRICH).contentType(JSON)
                .body(article("Far", "Next year, last year, tomorrow and in 100 years, on Monday.")
                        .replace("2026-11-20T10:00:00Z", "9999-12-31T23:59:59Z")).answered(200));
        cases.add(post("dates", "ordinary text published in the year 1", ENRICH).contentType(JSON)
                .body(article("Early", "Last year, 2,000 years ago, yesterday and on Monday.")
                        .replace("2026-11-20T10:00:00Z", "0001-01-01T00:00:00Z")).answered(200));
        cases.add(post("unknown-fields", "an id, version and tags sent along are not taken", ENRICH).contentType(JSON)
                .body(article("Marrow visits the dam", SEED_BODY).replace("{", "{\"id\":\"00000000-0000-0000-0000-"
                        + "000000000001\",\"version\":99,\"schema\":\"evil/v9\",\"entities\":[{\"name\":\"Injected\"}],"))
                .answered(200, answer -> {
                    assertNotEquals("00000000-0000-0000-0000-000000000001", answer.get("id").asText());
                    assertEquals(1, answer.get("version").asInt());
                    assertEquals("article.enriched/v1", answer.get("schema").asText());
                    assertFalse(names(answer).contains("Injected"));
                }));
        cases.add(post("size", "1,000-character headline", ENRICH).contentType(JSON)
                .body(article("Marrow ".repeat(142) + "visits", "Body.")).answered(200));
        return cases;
    }

    @Test
    @Order(1)
    void beforeTheBarrageAnArticleIsEnrichedAndAPreviewTaken() throws Exception {
        seedId = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(seedId);
        new KafkaTestClient(bootstrapServers).send("articles.raw", seedId, raw.toString());
        new KafkaTestClient(bootstrapServers).await("articles.enriched", r -> seedId.equals(r.key()),
                Duration.ofSeconds(30));
        previewBefore = new HostileClient(root).check(post("seed", "preview", ENRICH).contentType(JSON)
                .body(article("Marrow visits the dam", SEED_BODY)).answered(200)).json();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCases")
    @Order(2)
    void refusedWithAProblem(HostileCase c) {
        new HostileClient(root).check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    @Order(3)
    void enrichedWithOffsetsIntoItsOwnText(HostileCase c) {
        JsonNode answer = new HostileClient(root).check(c).json();
        List<String> violations = MessageContract.ENRICHED_ARTICLE.violations(answer.toString());
        assertTrue(violations.isEmpty(), () -> "article.enriched/v1 contract violated: " + violations);
        for (String list : List.of("numbers", "dates")) {
            answer.get(list).forEach(tag -> assertQuotes(answer, tag));
        }
        answer.get("entities").forEach(entity -> entity.get("mentions").forEach(mention -> assertQuotes(answer, mention)));
    }

    @Test
    @Order(4)
    void afterTheBarrageTheStreamAndTheEnginesAreAsBefore() {
        HostileClient client = new HostileClient(root);
        client.requireUp();
        JsonNode previewAfter = client.check(post("seed", "preview", ENRICH).contentType(JSON)
                .body(article("Marrow visits the dam", SEED_BODY)).answered(200)).json();
        for (String list : List.of("entities", "numbers", "dates")) {
            assertEquals(previewBefore.get(list), previewAfter.get(list), list);
        }
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        List<ConsumerRecord<String, String>> enriched = kafka.collect("articles.enriched",
                r -> seedId.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(1, enriched.size(), "the article accepted before the barrage is enriched exactly once");
        assertEquals(List.of(), kafka.collect("articles.dlq", r -> seedId.equals(r.key()), Duration.ofSeconds(1)));
    }

    @AfterAll
    static void printCounts() {
        System.out.println(HostileClient.summary("enrich-service HostileInputTest", refusedCases(), acceptedCases()));
    }

    private static String article(String headline, String body) {
        return "{\"headline\":\"" + headline + "\",\"body\":\"" + body + "\",\"publishedAt\":\"2026-11-20T10:00:00Z\"}";
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.get("entities").forEach(e -> names.add(e.get("name").asText()));
        return names;
    }

    /** A tag's [start, end) in its field is exactly the text it quotes. */
    private static void assertQuotes(JsonNode answer, JsonNode tag) {
        String field = answer.get(tag.get("field").asText()).asText();
        int start = tag.get("start").asInt();
        int end = tag.get("end").asInt();
        assertTrue(0 <= start && start < end && end <= field.length(), tag::toString);
        assertEquals(tag.get("text").asText(), field.substring(start, end), tag::toString);
    }
}
