package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Failure drill for the read side, with real processes and copy posted to ingest as a wire would: query-service is
 * killed with SIGKILL while articles stream in and restarted; then Elasticsearch is stopped for 30 s while more
 * articles, second versions and withdrawals arrive, and started again. Afterwards every accepted article must be
 * searchable exactly once at its latest version, and every withdrawn one gone.
 */
class IndexingOutageDrillTest {

    private static final int PER_ROUND = 60;
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration ELASTICSEARCH_DOWN = Duration.ofSeconds(30);
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalPipeline stack;

    /** A word only this run's copy contains, so search counts exactly the drill's articles. */
    private final String marker = "drill" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** Article id to the version and body it must end with; null once withdrawn. */
    private final Map<String, Expected> expected = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Expected(String itemId, int version, String sentence) {
    }

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalPipeline.create("wire-index-drill");
        stack.run(Duration.ofMinutes(8), "up");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            List<Long> survivors = stack.stop();
            assertTrue(survivors.isEmpty(), () -> "processes still running after 'pipeline down': " + survivors);
        }
    }

    @Test
    void everyAcceptedArticleIsSearchableOnceAtItsLatestVersionAfterIndexerCrashAndElasticsearchOutage()
            throws Exception {
        warmUp();
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try {
            // Round 1 streams in; query-service is killed half-way through it and started again once it is over.
            Future<?> first = poster.submit(() -> postRound(1));
            // Killed once the indexer is visibly at work on the stream, and before the stream is over.
            long streamStart = System.nanoTime();
            int searchableAtKill = searchable();
            while (searchableAtKill < 4 && !first.isDone()
                    && System.nanoTime() - streamStart < PACE.multipliedBy(PER_ROUND).toNanos()) {
                Thread.sleep(100);
                searchableAtKill = searchable();
            }
            boolean streaming = !first.isDone();
            stack.run(Duration.ofMinutes(1), "kill", "query");
            first.get();
            postRound(2);
            stack.run(Duration.ofMinutes(3), "up", "query");
            System.out.printf("drill: %d of %d articles of the stream searchable when query-service was killed%n",
                    searchableAtKill - 1, PER_ROUND);
            assertTrue(streaming && searchableAtKill > 1,
                    "the kill must land while the indexer works through the stream (searchable " + searchableAtKill + ")");

            // Elasticsearch away for 30 s: intake and enrichment go on, the indexer must wait and catch up.
            long stopped = System.nanoTime();
            stack.run(Duration.ofMinutes(2), "down", "elasticsearch");
            postRound(3);
            reviseAndWithdraw();
            long left = ELASTICSEARCH_DOWN.toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis();
            Thread.sleep(Math.max(0, left));
            long restarting = System.nanoTime();
            stack.run(Duration.ofMinutes(3), "up", "elasticsearch");
            System.out.printf("drill: Elasticsearch stopped for %d s, then took %d s to start again%n",
                    Duration.ofNanos(restarting - stopped).toSeconds(),
                    Duration.ofNanos(System.nanoTime() - restarting).toSeconds());
        } finally {
            poster.shutdownNow();
        }

        long live = expected.values().stream().filter(e -> e != null).count();
        long settleStart = System.nanoTime();
        List<String> wrong = check();
        while (!wrong.isEmpty() && System.nanoTime() - settleStart < SETTLED_WITHIN.toNanos()) {
            Thread.sleep(1_000);
            wrong = check();
        }
        System.out.printf("drill: %d articles accepted (%d live, %d withdrawn), all as expected %d s after Elasticsearch "
                + "was back%n", expected.size(), live, expected.size() - live,
                Duration.ofNanos(System.nanoTime() - settleStart).toSeconds());
        List<String> problems = wrong;
        assertTrue(problems.isEmpty(), () -> problems.size() + " articles not as accepted, e.g. "
                + problems.subList(0, Math.min(10, problems.size())));
        assertEquals(live, searchable(), "search must find each live article of the drill exactly once");
    }

    /**
     * One article through the fresh stack first: a wire pipeline in service is warm, and the drill's kill must find
     * the indexer at work on a stream rather than still loading.
     */
    private void warmUp() throws Exception {
        String id = post(marker + "-warm-up", 1, "Warm-up report.");
        expected.put(id, new Expected(marker + "-warm-up", 1, "Warm-up report."));
        long start = System.nanoTime();
        while (searchable() == 0) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "warm-up article never searchable");
            Thread.sleep(200);
        }
    }

    /** Posts one round of new articles at the drill's pace; each must be accepted. */
    private void postRound(int round) {
        for (int i = 0; i < PER_ROUND; i++) {
            String itemId = marker + "-" + round + "-" + i;
            String sentence = "First report " + itemId + ".";
            try {
                String id = post(itemId, 1, sentence);
                expected.put(id, new Expected(itemId, 1, sentence));
                Thread.sleep(PACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                throw new AssertionError("posting " + itemId + " failed", e);
            }
        }
    }

    /** Second versions of a third of the articles, and withdrawals of another tenth, while Elasticsearch is down. */
    private void reviseAndWithdraw() throws Exception {
        List<Map.Entry<String, Expected>> accepted;
        synchronized (expected) {
            accepted = new ArrayList<>(expected.entrySet());
        }
        for (int i = 0; i < accepted.size(); i++) {
            String id = accepted.get(i).getKey();
            Expected first = accepted.get(i).getValue();
            if (i % 3 == 0) {
                String sentence = "Corrected report " + first.itemId() + ".";
                assertEquals(id, post(first.itemId(), 2, sentence), "a second version keeps the article id");
                expected.put(id, new Expected(first.itemId(), 2, sentence));
            } else if (i % 10 == 1) {
                HttpResponse<String> withdrawn = HTTP.send(HttpRequest.newBuilder(stack.service("INGEST_PORT",
                        "/v1/articles/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, withdrawn.statusCode(), withdrawn.body());
                expected.put(id, null);
            }
        }
    }

    private String post(String itemId, int version, String sentence) throws IOException, InterruptedException {
        ObjectNode article = JSON.createObjectNode()
                .put("headline", "Harbour report " + itemId)
                .put("body", sentence + " Dockers in Valmora met the port authority on Tuesday, " + marker + " said.")
                .put("source", "Drill Wire")
                .put("sourceItemId", itemId)
                .put("version", version)
                .put("publishedAt", "2026-11-20T08:00:00Z");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(stack.service("INGEST_PORT", "/v1/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(article.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() == 202, () -> "ingest answered " + answer.statusCode() + ": " + answer.body());
        return JSON.readTree(answer.body()).get("id").asText();
    }

    /** Articles whose served state is not what was accepted last, as "id: what is wrong". */
    private List<String> check() throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        Map<String, Expected> snapshot;
        synchronized (expected) {
            snapshot = new LinkedHashMap<>(expected);
        }
        for (Map.Entry<String, Expected> entry : snapshot.entrySet()) {
            HttpResponse<String> got = HTTP.send(HttpRequest.newBuilder(stack.service("QUERY_PORT",
                    "/v1/articles/" + entry.getKey())).GET().build(), HttpResponse.BodyHandlers.ofString());
            Expected want = entry.getValue();
            if (want == null) {
                if (got.statusCode() != 404) {
                    wrong.add(entry.getKey() + ": withdrawn but answered " + got.statusCode());
                }
                continue;
            }
            if (got.statusCode() != 200) {
                wrong.add(entry.getKey() + ": answered " + got.statusCode());
                continue;
            }
            JsonNode article = JSON.readTree(got.body());
            if (article.path("version").asInt() != want.version() || !article.path("body").asText().startsWith(want.sentence())) {
                wrong.add(entry.getKey() + ": served version " + article.path("version").asInt() + ", expected "
                        + want.version());
            }
        }
        return wrong;
    }

    /** How many of the drill's articles a search finds now. */
    private int searchable() throws IOException, InterruptedException {
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(stack.service("QUERY_PORT",
                "/v1/articles?q=" + marker + "&size=1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() != 200) {
            return 0;
        }
        return JSON.readTree(found.body()).path("total").asInt();
    }
}
