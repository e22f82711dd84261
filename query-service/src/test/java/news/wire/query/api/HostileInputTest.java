package news.wire.query.api;

import static news.wire.testkit.HostileCase.encode;
import static news.wire.testkit.HostileCase.get;
import static news.wire.testkit.HostileCase.param;
import static news.wire.testkit.HostileCase.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.HostileCase;
import news.wire.testkit.HostileClient;
import news.wire.testkit.KafkaTestClient;

/**
 * Malformed and hostile query parameters and paths at every endpoint of query-service, one table row per request:
 * each is refused with a 400 (or 404, 405) problem, or, where it is only an odd search, answered without matching
 * what it should not. Articles indexed before the barrage must still be served and found unchanged after it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    /** A source no other test uses, so totals for it count only the seeds. */
    private static final String SOURCE = "Hostile Search Wire " + UUID.randomUUID();
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String ARTICLES = "/v1/articles";
    private static final String INVALID = "invalid-parameter";

    private static final Map<String, JsonNode> SEEDS = new LinkedHashMap<>();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    String root;

    private static String search(String... params) {
        return ARTICLES + "?" + String.join("&", params);
    }

    private static List<HostileCase> refusedCases() {
        List<HostileCase> cases = new ArrayList<>();
        // Search parameters.
        cases.add(get("search", "q of 501 characters", search(param("q", "x".repeat(501)))).refused(400, INVALID));
        cases.add(get("search", "source of 201 characters", search(param("source", "s".repeat(201)))).refused(400, INVALID));
        cases.add(get("search", "entity of 201 characters", search(param("entity", "e".repeat(201)))).refused(400, INVALID));
        cases.add(get("search", "subject of 1,001 characters", search(param("subject", "s".repeat(1_001))))
                .refused(400, INVALID));
        cases.add(get("search", "entityType with SQL", search(param("entityType", "PERSON' OR '1'='1")))
                .refused(400, INVALID));
        cases.add(get("search", "numberKind with script", search(param("numberKind", SCRIPT))).refused(400, INVALID));
        cases.add(get("search", "countedThing of 101 characters", search(param("countedThing", "c".repeat(101))))
                .refused(400, INVALID));
        cases.add(get("search", "language of 21 characters", search(param("language", "en-" + "x".repeat(18))))
                .refused(400, INVALID));
        cases.add(get("search", "sort by a script", search(param("sort", "_script"))).refused(400, INVALID));
        cases.add(get("search", "facet named __proto__", search(param("facets", "entities,__proto__")))
                .refused(400, INVALID));
        cases.add(get("search", "interval of a year", search(param("interval", "year"))).refused(400, INVALID));

        cases.add(get("numbers", "size 0", search("size=0")).refused(400, INVALID));
        cases.add(get("numbers", "size -1", search("size=-1")).refused(400, INVALID));
        cases.add(get("numbers", "size 101", search("size=101")).refused(400, INVALID));
        cases.add(get("numbers", "size that is not a number", search("size=ten")).refused(400, INVALID));
        cases.add(get("numbers", "size beyond a 32-bit integer", search("size=99999999999")).refused(400, INVALID));
        cases.add(get("numbers", "highlight that is not a boolean", search(param("highlight", "yes please")))
                .refused(400, INVALID));
        cases.add(get("numbers", "min NaN", search("min=NaN")).refused(400, INVALID));
        cases.add(get("numbers", "min Infinity", search("min=Infinity")).refused(400, INVALID));
        cases.add(get("numbers", "max 1e309 (overflows to infinity)", search("max=1e309")).refused(400, INVALID));
        cases.add(get("numbers", "min with SQL", search(param("min", "1 OR 1=1"))).refused(400, INVALID));
        cases.add(get("numbers", "stats days 0", "/v1/stats?days=0").refused(400, INVALID));
        cases.add(get("numbers", "stats days that is not a number", "/v1/stats?" + param("days", "7; DROP")).refused(400, INVALID));
        cases.add(get("numbers", "stats days beyond a 32-bit integer", "/v1/stats?days=99999999999").refused(400, INVALID));
        cases.add(get("numbers", "entity completion size 51", "/v1/entities?size=51").refused(400, INVALID));
        cases.add(get("numbers", "entity completion size not a number", "/v1/entities?size=lots").refused(400, INVALID));
        cases.add(get("numbers", "stories size 0", "/v1/stories?size=0").refused(400, INVALID));
        cases.add(get("numbers", "stories size not a number", "/v1/stories?size=%00").refused(400, INVALID));

        cases.add(get("dates", "from 45 November", search("from=2026-11-45")).refused(400, INVALID));
        cases.add(get("dates", "from with SQL", search(param("from", "2026-11-01'; DROP TABLE articles; --")))
                .refused(400, INVALID));
        cases.add(get("dates", "from without an offset", search("from=2026-11-20T08:00:00")).refused(400, INVALID));
        cases.add(get("dates", "from in the year 10000", search(param("from", "+10000-01-01"))).refused(400, INVALID));
        cases.add(get("dates", "from in the year -999999999", search(param("from", "-999999999-01-01T00:00:00Z")))
                .refused(400, INVALID));
        cases.add(get("dates", "to at the end of java.time", search(param("to", "+999999999-12-31T23:59:59Z")))
                .refused(400, INVALID));
        cases.add(get("dates", "mentionedTo in the year 10000", search(param("mentionedTo", "+10000-01-01T00:00:00Z")))
                .refused(400, INVALID));
        cases.add(get("dates", "timeline from in the year 0", "/v1/entities/Valmora/timeline?from=0000-01-01&to=0000-01-31")
                .refused(400, INVALID));
        cases.add(get("dates", "timeline to in the year 10000", "/v1/entities/Valmora/timeline?"
                + param("to", "+10000-01-01T00:00:00Z")).refused(400, INVALID));
        cases.add(get("dates", "stories to before from", "/v1/stories?from=2026-11-20&to=2026-11-01").refused(400, INVALID));

        cases.add(get("cursor", "not base64", search(param("cursor", "!!!not base64!!!"))).refused(400, INVALID));
        cases.add(get("cursor", "base64 of a script", search(param("cursor", b64(SCRIPT)))).refused(400, INVALID));
        cases.add(get("cursor", "search_after holding a script object",
                search(param("cursor", b64("{\"o\":\"NEWEST\",\"a\":[{\"script\":\"ctx._source.x=1\"}]}"))))
                .refused(400, INVALID));
        cases.add(get("cursor", "search_after with 1,000 values",
                search(param("cursor", b64("{\"o\":\"NEWEST\",\"a\":[" + "1,".repeat(999) + "1]}"))))
                .refused(400, INVALID));
        cases.add(get("cursor", "forged point in time", search(param("q", "harbour"), param("cursor",
                b64("{\"o\":\"RELEVANCE\",\"a\":[1.0,\"x\"],\"p\":\"../../_all\"}"))))
                .refused(400, INVALID));
        cases.add(get("cursor", "relevance cursor on a newest search", search(param("cursor",
                b64("{\"o\":\"RELEVANCE\",\"a\":[1.0],\"p\":\"abc\"}")))).refused(400, INVALID));

        // Paths.
        cases.add(get("path", "article id of 65 characters", ARTICLES + "/" + "a".repeat(65)).refused(400, INVALID));
        cases.add(get("path", "article id _search", ARTICLES + "/_search").refused(404, "not-found"));
        cases.add(get("path", "article id traversing to the cluster API", ARTICLES + "/..%2F_cluster%2Fhealth")
                .refused(404, "not-found"));
        cases.add(get("path", "article id with script", ARTICLES + "/" + encode(SCRIPT)).refused(404, "not-found"));
        cases.add(get("path", "article id with an encoded NUL", ARTICLES + "/%00").refused(404, "not-found"));
        cases.add(get("path", "article id that is a wildcard", ARTICLES + "/*").refused(404, "not-found"));
        cases.add(get("path", "story id of 65 characters", "/v1/stories/" + "s".repeat(65)).refused(400, INVALID));
        cases.add(get("path", "story id _all", "/v1/stories/_all").refused(404, "not-found"));
        cases.add(get("path", "story id with SQL", "/v1/stories/" + encode("1' OR '1'='1")).refused(404, "not-found"));
        cases.add(get("path", "entity name of 201 characters", "/v1/entities/" + "n".repeat(201) + "/timeline")
                .refused(400, INVALID));
        cases.add(get("path", "entity completion prefix of 101 characters", "/v1/entities?" + param("prefix", "p".repeat(101)))
                .refused(400, INVALID));
        cases.add(get("path", "unknown endpoint", "/v1/" + encode("<script>")).refused(404, "not-found"));
        cases.add(request("path", "POST to the search", "POST", ARTICLES).header("Content-Type", "application/json")
                .body("{\"query\":{\"match_all\":{}}}").refused(405, "http-405"));
        cases.add(request("path", "DELETE of an article", "DELETE", ARTICLES + "/x").refused(405, "http-405"));

        // A parameter the endpoint does not take is named, never ignored (nor passed to Elasticsearch).
        cases.add(get("unknown-fields", "unknown parameters are refused", search(param("source", SOURCE),
                "_source=true", "pretty", param("script", "ctx._source.body=''"), "size=5"))
                .refused(400, "unknown-parameter"));
        return cases;
    }

    /** Odd searches: answered, finding the seeds only where they should, and markup escaped in highlights. */
    private static List<HostileCase> acceptedCases() {
        List<HostileCase> cases = new ArrayList<>();
        String mine = param("source", SOURCE);
        cases.add(get("injection", "query DSL in q is searched as words", search(mine,
                param("q", "{\"query\":{\"match_all\":{}}}"))).answered(200, a -> assertTotal(a, 0)));
        cases.add(get("injection", "Lucene field syntax and regex in q are words", search(mine,
                param("q", "_id:* OR headline:/.*/ AND _exists_:body"))).answered(200, a -> assertTotal(a, 0)));
        cases.add(get("injection", "unbalanced quotes and brackets in q", search(mine,
                param("q", "\"harbour ((( ]] \\ ~~~ ^^^"))).answered(200));
        cases.add(get("injection", "SQL in source matches no source", search(param("source", "' OR 1=1 --")))
                .answered(200, a -> assertTotal(a, 0)));
        cases.add(get("injection", "wildcard entity is a name, not a pattern", search(mine, param("entity", "*")))
                .answered(200, a -> assertTotal(a, 0)));
        cases.add(get("injection", "wildcard QCode subject is a value, not a pattern", search(mine,
                param("subject", "*:*"))).answered(200, a -> assertTotal(a, 0)));
        cases.add(get("injection", "control characters and NUL in q", search(mine, param("q", "harbour\u0000\u0007\u001b[31m")))
                .answered(200));
        cases.add(get("markup", "highlights of copy holding a script are escaped", search(mine,
                param("q", "script alert"), "highlight=true")).answered(200, a -> {
                    assertTotal(a, 1);
                    String highlight = a.at("/articles/0/highlight").toString();
                    assertTrue(highlight.contains("&lt;"), highlight);
                    assertFalse(highlight.contains("<script") || highlight.contains("<img"), highlight);
                }));
        cases.add(get("markup", "script in entity completion prefix", "/v1/entities?" + param("prefix", SCRIPT))
                .answered(200, a -> assertEquals(0, a.size())));
        cases.add(get("numbers", "extreme but finite figures", search(mine, "min=-1.7976931348623157e308",
                "max=1.7976931348623157e308")).answered(200));
        cases.add(get("dates", "the whole 4-digit calendar, to ending on 31 December 9999", search(mine,
                "from=0001-01-01", "to=9999-12-31")).answered(200, a -> assertTotal(a, 2)));
        cases.add(get("dates", "stories over the whole calendar", "/v1/stories?from=0001-01-01&to=9999-12-31&size=100")
                .answered(200, a -> assertTrue(a.get("stories").size() >= 2, a::toString)));
        cases.add(get("dates", "timeline of the last month of the calendar", "/v1/entities/Valmora/timeline?to=9999-12-31")
                .answered(200, a -> assertEquals(31, a.get("buckets").size(), a::toString)));
        return cases;
    }

    @Test
    @Order(1)
    void articlesIndexedBeforeTheBarrage() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        List<WireCopy> seeds = List.of(
                WireCopy.article(SOURCE, "Harbour reopens after storm", "Ferries ran again on Friday, said "
                        + "Marta Ilves.", "2026-11-19T08:00:00Z").entity("PERSON", "Marta Ilves", 1),
                WireCopy.article(SOURCE, "Web page quoted " + SCRIPT, "The page held " + SCRIPT
                        + " and <img src=x onerror=alert(1)> in its alert text.", "2026-11-19T09:00:00Z"));
        for (WireCopy seed : seeds) {
            kafka.send("articles.enriched", seed.id(), seed.json());
        }
        HostileClient client = new HostileClient(root);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.check(
                get("seed", "search", search(param("source", SOURCE))).answered(200, a -> assertTotal(a, 2))));
        for (WireCopy seed : seeds) {
            SEEDS.put(seed.id(), client.check(get("seed", "get", ARTICLES + "/" + seed.id()).answered(200)).json());
        }
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
    void answeredWithoutFindingWhatItShouldNot(HostileCase c) {
        HostileClient.Answer answer = new HostileClient(root).check(c);
        assertTrue(answer.contentType().startsWith("application/json"), answer::toString);
    }

    @Test
    @Order(4)
    void afterTheBarrageTheIndexedArticlesAreServedAndFoundUnchanged() {
        HostileClient client = new HostileClient(root);
        client.requireUp();
        for (Map.Entry<String, JsonNode> seed : SEEDS.entrySet()) {
            client.check(get("seed", "get", ARTICLES + "/" + seed.getKey())
                    .answered(200, now -> assertEquals(seed.getValue(), now)));
        }
        client.check(get("seed", "search", search(param("source", SOURCE), param("q", "harbour storm")))
                .answered(200, found -> {
                    assertTotal(found, 1);
                    assertEquals(SEEDS.keySet().iterator().next(), found.at("/articles/0/id").asText());
                }));
        client.check(get("seed", "search", search(param("source", SOURCE))).answered(200, a -> assertTotal(a, 2)));
    }

    @AfterAll
    static void printCounts() {
        System.out.println(HostileClient.summary("query-service HostileInputTest", refusedCases(), acceptedCases()));
    }

    private static void assertTotal(JsonNode page, int total) {
        assertEquals(total, page.get("total").asInt(), page::toString);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
