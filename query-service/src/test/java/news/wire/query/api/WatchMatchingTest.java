package news.wire.query.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import news.wire.testkit.KafkaTestClient;

/**
 * Watches matched as the indexer writes: for a corpus and watches with varied filters, each watch's matches are
 * exactly what the search with the same filters finds; a new version that still matches is an update, a replay adds
 * nothing, a withdrawal reaches the watches that had the article.
 */
@QuarkusTest
class WatchMatchingTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachWatchMatchesExactlyWhatTheSameSearchFinds() {
        String run = WireCopy.rareWord();
        String harbour = "Harbour " + run;
        String farm = "Farm " + run;
        String calder = run + " Calder";
        String ville = run + "ville";
        List<WireCopy> corpus = List.of(
                WireCopy.article(harbour, "Dockers striking at the port " + run,
                                "Dock workers walked out on Monday; 42 ships wait.", "2026-11-18T07:00:00Z")
                        .entity("PERSON", calder, 4).entity("LOCATION", ville, 1)
                        .number(42, "CARDINAL", "ships").date("DATE", "2026-11-16"),
                WireCopy.article(farm, "Union calls strike over pay " + run,
                                "The union says pay is up 12% and that is not enough this week.", "2026-11-17T09:00:00Z")
                        .entity("LOCATION", ville, 2).entity("PERSON", run + " Ilves", 1)
                        .number(12, "PERCENT", null).date("DATE", "2026-W47"),
                // A subject no other test files under: the dashboard test counts the articles under its own.
                WireCopy.article(harbour, "Grain harvest falls short " + run,
                                "Farmers expect 300 tonnes less in December.", "2026-11-10T12:00:00Z")
                        .language("de").entity("ORGANIZATION", run + " Growers", 1)
                        .number(300, "CARDINAL", "tonnes").date("DATE", "2026-12")
                        .subject("16000000", "conflict, war and peace", "medtop"),
                WireCopy.article(farm, "Ships idle as strikes spread " + run,
                                "Some 30 ships are stuck; Calder met the union.", "2026-11-19T15:30:00Z")
                        .entity("PERSON", calder, 1).number(30, "CARDINAL", "ships").date("DATE", "2026-11-19"),
                WireCopy.article(harbour, "Port reopens " + run, "Cranes moved again on Friday after talks.",
                                "2026-11-20T06:00:00Z")
                        .entity("LOCATION", ville, 1).entity("ORGANIZATION", run + " Port Authority", 2)
                        .subject("16000000", "conflict, war and peace", "medtop"),
                WireCopy.article(farm, "Inflation at 4 percent " + run, "Prices rose 4% in the year to October.",
                                "2026-11-15T10:00:00Z")
                        .number(4, "PERCENT", null).date("DATE", "2026-10"),
                // Published at 23:30 UTC on the 18th, written with another offset.
                WireCopy.article(harbour, "Talks resume at dawn " + run, "Negotiators met again; 35 ships still wait.",
                                "2026-11-19T00:30:00+01:00")
                        .number(35, "QUANTITY", "ships"));
        Set<String> ours = corpus.stream().map(WireCopy::id).collect(Collectors.toSet());

        Map<String, Map<String, Object>> filtersByName = new LinkedHashMap<>();
        filtersByName.put("stemmed text", Map.of("q", "strikes"));
        filtersByName.put("phrase", Map.of("q", "\"dockers striking\""));
        filtersByName.put("person", Map.of("entity", calder));
        filtersByName.put("place as a place", Map.of("entity", ville, "entityType", "LOCATION"));
        filtersByName.put("place as a person", Map.of("entity", ville, "entityType", "PERSON"));
        filtersByName.put("any organisation", Map.of("entityType", "ORGANIZATION"));
        filtersByName.put("one source", Map.of("source", List.of(harbour)));
        filtersByName.put("language", Map.of("language", "de"));
        filtersByName.put("published", Map.of("from", "2026-11-17", "to", "2026-11-19"));
        filtersByName.put("mentioned day", Map.of("mentionedFrom", "2026-11-16", "mentionedTo", "2026-11-16"));
        filtersByName.put("figure", Map.of("countedThing", "ships", "min", "40"));
        filtersByName.put("percentages", Map.of("numberKind", "PERCENT"));
        filtersByName.put("subject", Map.of("subject", "medtop:16000000"));
        filtersByName.put("text and filters", Map.of("q", "strike", "source", List.of(farm), "from", "2026-11-18"));
        filtersByName.put("two words", Map.of("q", "union pay"));
        filtersByName.put("words and a type", Map.of("q", "ships", "entityType", "PERSON"));
        filtersByName.put("published before", Map.of("to", "2026-11-17T09:00:00Z"));
        filtersByName.put("figures of a kind between", Map.of("numberKind", "CARDINAL", "min", "30", "max", "42"));
        filtersByName.put("counted thing in capitals", Map.of("countedThing", "SHIPS", "max", "35"));
        filtersByName.put("english", Map.of("language", "en", "q", "ships"));
        Map<String, String> watchIds = new LinkedHashMap<>();
        filtersByName.forEach((name, filters) -> watchIds.put(name, WatchSteps.create(name + " " + run, filters)));

        double setAsideBefore = checks("screened");
        double decidedBefore = checks("decided");
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        corpus.forEach(a -> kafka.send("articles.enriched", a.id(), a.json()));

        await().atMost(WITHIN).untilAsserted(() -> given().queryParam("source", harbour).queryParam("source", farm)
                .get("/v1/articles").then().statusCode(200).body("total", equalTo(corpus.size())));
        int nonEmpty = 0;
        for (var watch : filtersByName.entrySet()) {
            String id = watchIds.get(watch.getKey());
            var search = given().queryParam("size", 100);
            watch.getValue().forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    list.forEach(item -> search.queryParam(k, item));
                } else {
                    search.queryParam(k, v);
                }
            });
            List<String> searched = search.get("/v1/articles").then().statusCode(200).extract().path("articles.id");
            Set<String> found = new HashSet<>(searched);
            found.retainAll(ours);
            await().atMost(WITHIN).untilAsserted(() -> assertEquals(found, matchedIds(id, ours),
                    watch.getKey() + ": matches of the watch against search results"));
            nonEmpty += found.isEmpty() ? 0 : 1;
            assertTrue(found.size() < corpus.size(), watch.getKey() + " should not match everything");
        }
        // Only "place as a person" finds nothing.
        assertEquals(filtersByName.size() - 1, nonEmpty);
        // The equality above held with the watches' gates at work: some watch was set aside without being asked, and
        // most decided in Java (all but the phrase, the mentioned day and the subject).
        assertTrue(checks("screened") > setAsideBefore, "no watch was set aside by its gate");
        assertTrue(checks("decided") > decidedBefore, "no watch was decided in Java");
    }

    @Test
    void anUpdateIsAnnouncedOnceAndAWithdrawalReachesTheWatchesThatHadTheArticle() {
        String run = WireCopy.rareWord();
        String watch = WatchSteps.create("updates " + run, Map.of("q", run + " strike"));
        String other = WatchSteps.create("elsewhere " + run, Map.of("q", run + " harvest"));
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        WireCopy v1 = WireCopy.article("Wire " + run, "Strike at the port " + run, "Dockers strike.",
                "2026-11-18T07:00:00Z");
        kafka.send("articles.enriched", v1.id(), v1.json());
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(List.of("matched"), kinds(watch)));

        WireCopy v2 = v1.version(2, "Dockers strike for a second day.");
        kafka.send("articles.enriched", v2.id(), v2.json());
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(List.of("updated", "matched"), kinds(watch)));
        // A replay of either version is not news.
        kafka.send("articles.enriched", v1.id(), v1.json());
        kafka.send("articles.enriched", v2.id(), v2.json());
        WireCopy marker = WireCopy.article("Wire " + run, "Strike talks " + run, "Talks.", "2026-11-18T09:00:00Z");
        kafka.send("articles.enriched", marker.id(), marker.json());
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(List.of("matched", "updated", "matched"), kinds(watch)));

        double withdrawalsBefore = announced("withdrawn");
        kafka.send("articles.enriched", v1.id(), null);
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(List.of("withdrawn", "matched", "updated", "matched"),
                kinds(watch)));
        assertTrue(announced("withdrawn") >= withdrawalsBefore + 1, "query_watch_matches_total{kind=withdrawn}");
        assertTrue(announced("updated") >= 1, "query_watch_matches_total{kind=updated}");
        JsonPath page = given().get("/v1/watches/" + watch + "/matches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(v1.id(), marker.id(), v1.id(), v1.id()), page.getList("matches.articleId"));
        assertEquals(List.of(2, 1, 2, 1), page.getList("matches.version"));
        assertEquals(4, new HashSet<>(page.<String>getList("matches.matchId")).size(), "matchIds are distinct");
        List<Long> seqs = page.getList("matches.seq", Long.class);
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i - 1) > seqs.get(i), "newest first by seq: " + seqs);
        }
        assertEquals(List.of(), kinds(other), "a watch that never had the article hears nothing of it");

        // Pages: one match a page, each page's next leads to the following one.
        List<String> paged = new ArrayList<>();
        String before = null;
        do {
            var request = given().queryParam("size", 1);
            if (before != null) {
                request.queryParam("before", before);
            }
            JsonPath p = request.get("/v1/watches/" + watch + "/matches").then().statusCode(200).extract().jsonPath();
            paged.addAll(p.getList("matches.matchId"));
            before = p.getString("next");
        } while (before != null);
        assertEquals(page.getList("matches.matchId"), paged);
    }

    @Test
    void aStoryWatchMatchesTheStorysNextArticles() {
        String run = WireCopy.rareWord();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        WireCopy first = WireCopy.article("Wire " + run, "Ferry aground " + run, "A ferry ran aground.",
                "2026-11-18T07:00:00Z");
        kafka.send("articles.enriched", first.id(), first.json());
        String storyId = await().atMost(WITHIN).until(() -> given().get("/v1/articles/" + first.id()).then()
                .extract().<String>path("storyId"), s -> s != null);
        String watch = WatchSteps.create("story " + run, Map.of("storyId", storyId));
        WireCopy again = first.version(2, "A ferry ran aground; all passengers are safe.");
        kafka.send("articles.enriched", again.id(), again.json());
        await().atMost(WITHIN).untilAsserted(() -> assertEquals(List.of("matched"), kinds(watch)));
        assertEquals(List.of(first.id()), given().queryParam("storyId", storyId).get("/v1/articles").then()
                .statusCode(200).extract().path("articles.id"));
    }

    /** The counter of matches announced of this kind, as Prometheus reads it. */
    private static double announced(String kind) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("query_watch_matches_total{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Watches checked against batches with this outcome: asked, decided (in Java) or screened (set aside). */
    private static double checks(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("query_watch_checks_total{")
                        && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> kinds(String watch) {
        return given().get("/v1/watches/" + watch + "/matches").then().statusCode(200).extract().path("matches.kind");
    }

    private static Set<String> matchedIds(String watch, Set<String> ours) {
        List<String> ids = given().queryParam("size", 100).get("/v1/watches/" + watch + "/matches").then()
                .statusCode(200).extract().path("matches.articleId");
        Set<String> matched = new HashSet<>(ids);
        matched.retainAll(ours);
        return matched;
    }
}
