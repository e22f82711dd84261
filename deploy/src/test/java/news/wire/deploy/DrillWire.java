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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The copy a failure drill posts to ingest as a wire would, and the ledger of what query-service must serve for it
 * afterwards: each accepted article at its latest version, each withdrawn one gone, and search finding each live one
 * exactly once. Safe to post from one thread while another checks.
 */
final class DrillWire {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalPipeline stack;
    /** A word only this drill's copy contains, so search counts exactly the drill's articles. */
    private final String marker = "drill" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** Held while a request to ingest is in flight, so that {@link #ingestVia} returns only between requests. */
    private final Object posting = new Object();
    /** The ingest instances posted to, in turn (see LocalPipeline#createScaledOut). */
    private int[] ingestInstances = {1};
    private int posts;
    /** The query-service instance read from. */
    private volatile int queryInstance = 1;
    /** Article id to the version and body it must end with; null once withdrawn. */
    private final Map<String, Expected> expected = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Expected(String itemId, int version, String sentence) {
    }

    DrillWire(LocalPipeline stack) {
        this.stack = stack;
    }

    /**
     * One article through the stack first: a wire pipeline in service is warm, and a drill's fault must find the
     * services at work on a stream rather than still loading.
     */
    void warmUp(Duration within) throws IOException, InterruptedException {
        post(marker + "-warm-up", 1, "Warm-up report.");
        long start = System.nanoTime();
        while (searchable() == 0) {
            assertTrue(System.nanoTime() - start < within.toNanos(), "warm-up article never searchable");
            Thread.sleep(200);
        }
    }

    /**
     * Posts to these ingest instances in turn from now on; returns once no request is in flight to the ones left out,
     * so that one can then be killed without failing a post.
     */
    void ingestVia(int... instances) {
        synchronized (posting) {
            ingestInstances = instances.clone();
        }
    }

    /** Reads (articles, search) from this query-service instance from now on. */
    void readVia(int instance) {
        queryInstance = instance;
    }

    /** Posts COUNT new articles of ROUND at PACE; each must be accepted. Returns early when interrupted. */
    void postRound(String round, int count, Duration pace) {
        int[] posted = {0};
        postRoundUntil(round, pace, () -> posted[0]++ >= count);
    }

    /**
     * Posts new articles of ROUND at PACE until DONE says so (asked before each); each must be accepted. Returns early
     * when interrupted.
     */
    void postRoundUntil(String round, Duration pace, BooleanSupplier done) {
        for (int i = 0; !done.getAsBoolean(); i++) {
            String itemId = marker + "-" + round + "-" + i;
            try {
                post(itemId, 1, "First report " + itemId + ".");
                Thread.sleep(pace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                throw new AssertionError("posting " + itemId + " failed", e);
            }
        }
    }

    /** Second versions of a third of the articles accepted so far, and withdrawals of another tenth. */
    void reviseAndWithdraw() throws IOException, InterruptedException {
        List<Map.Entry<String, Expected>> accepted;
        synchronized (expected) {
            accepted = new ArrayList<>(expected.entrySet());
        }
        for (int i = 0; i < accepted.size(); i++) {
            String id = accepted.get(i).getKey();
            Expected first = accepted.get(i).getValue();
            if (first == null || first.version() != 1) {
                continue;
            }
            if (i % 3 == 0) {
                assertEquals(id, post(first.itemId(), 2, "Corrected report " + first.itemId() + "."),
                        "a second version keeps the article id");
            } else if (i % 10 == 1) {
                HttpResponse<String> withdrawn = toIngest("/v1/articles/" + id, HttpRequest.Builder::DELETE);
                assertEquals(202, withdrawn.statusCode(), withdrawn.body());
                expected.put(id, null);
            }
        }
    }

    /** Posts one version of an article, which ingest must accept, and records it as the one to serve. */
    String post(String itemId, int version, String sentence) throws IOException, InterruptedException {
        ObjectNode article = JSON.createObjectNode()
                .put("headline", "Harbour report " + itemId)
                .put("body", sentence + " Dockers in Valmora met the port authority on Tuesday, " + marker + " said.")
                .put("source", "Drill Wire")
                .put("sourceItemId", itemId)
                .put("version", version)
                .put("publishedAt", "2026-11-20T08:00:00Z");
        String id = postOutsideLedger(article);
        expected.put(id, new Expected(itemId, version, sentence));
        return id;
    }

    /** Posts an article of the caller's own, which ingest must accept, and returns its id; it is not in the ledger. */
    String postOutsideLedger(ObjectNode article) throws IOException, InterruptedException {
        HttpResponse<String> answer = toIngest("/v1/articles", b -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(article.toString())));
        assertTrue(answer.statusCode() == 202, () -> "ingest answered " + answer.statusCode() + ": " + answer.body());
        return JSON.readTree(answer.body()).get("id").asText();
    }

    /** The article as query-service serves it now, or null when it answers otherwise than 200. */
    JsonNode served(String id) throws IOException, InterruptedException {
        HttpResponse<String> got = fromQuery("/v1/articles/" + id);
        return got.statusCode() == 200 ? JSON.readTree(got.body()) : null;
    }

    /** The story as query-service serves it now, or null when it answers otherwise than 200. */
    JsonNode story(String id) throws IOException, InterruptedException {
        HttpResponse<String> got = fromQuery("/v1/stories/" + id);
        return got.statusCode() == 200 ? JSON.readTree(got.body()) : null;
    }

    /**
     * A watch on the drill's marker, so it matches every article of the drill, whose matches are posted to WEBHOOK;
     * returns query-service's answer, which shows the webhook's secret this once.
     */
    JsonNode watchWithWebhook(String webhook) throws IOException, InterruptedException {
        ObjectNode watch = JSON.createObjectNode().put("name", "drill " + marker).put("q", marker);
        watch.putObject("webhook").put("url", webhook);
        HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(stack.service("QUERY_PORT", queryInstance,
                        "/v1/watches")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(watch.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, made.statusCode(), made.body());
        return JSON.readTree(made.body());
    }

    /** The watch as query-service shows it now (its webhook's pending, failures, paused), or null otherwise than 200. */
    JsonNode watch(String id) throws IOException, InterruptedException {
        HttpResponse<String> got = fromQuery("/v1/watches/" + id);
        return got.statusCode() == 200 ? JSON.readTree(got.body()) : null;
    }

    /** The matchIds of every match query-service lists for the watch, all pages; null while it does not answer. */
    Set<String> listedMatchIds(String watchId) throws IOException, InterruptedException {
        Set<String> ids = new TreeSet<>();
        String before = null;
        do {
            HttpResponse<String> page = fromQuery("/v1/watches/" + watchId + "/matches?size=100"
                    + (before == null ? "" : "&before=" + before));
            if (page.statusCode() != 200) {
                return null;
            }
            JsonNode answer = JSON.readTree(page.body());
            answer.path("matches").forEach(m -> ids.add(m.path("matchId").asText()));
            before = answer.path("next").asText(null);
        } while (before != null);
        return ids;
    }

    /**
     * For each live article, the matchId announcing to the watch the version the article must end with
     * ({@code watch:article:version}, query-service's stable id of a match).
     */
    Set<String> liveMatchIds(String watchId) {
        Set<String> ids = new TreeSet<>();
        synchronized (expected) {
            expected.forEach((id, want) -> {
                if (want != null) {
                    ids.add(watchId + ":" + id + ":" + want.version());
                }
            });
        }
        return ids;
    }

    /** One request to the next ingest instance in turn. */
    private HttpResponse<String> toIngest(String path, UnaryOperator<HttpRequest.Builder> request)
            throws IOException, InterruptedException {
        synchronized (posting) {
            int instance = ingestInstances[posts++ % ingestInstances.length];
            return HTTP.send(request.apply(HttpRequest.newBuilder(stack.service("INGEST_PORT", instance, path)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> fromQuery(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(stack.service("QUERY_PORT", queryInstance, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits up to WITHIN until query-service serves every accepted article as it was accepted last, then asserts
     * that it does and that search finds each live article exactly once. Returns how long settling took.
     */
    Duration assertServedAsAccepted(Duration within) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> wrong = check();
        while (!wrong.isEmpty() && System.nanoTime() - start < within.toNanos()) {
            Thread.sleep(1_000);
            wrong = check();
        }
        Duration settled = Duration.ofNanos(System.nanoTime() - start);
        List<String> problems = wrong;
        assertTrue(problems.isEmpty(), () -> problems.size() + " of " + expected.size()
                + " articles not as accepted, e.g. " + problems.subList(0, Math.min(10, problems.size())));
        assertEquals(live(), searchable(), "search must find each live article of the drill exactly once");
        return settled;
    }

    int accepted() {
        return expected.size();
    }

    long live() {
        synchronized (expected) {
            return expected.values().stream().filter(e -> e != null).count();
        }
    }

    /** Articles whose served state is not what was accepted last, as "id: what is wrong". */
    private List<String> check() throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        Map<String, Expected> snapshot;
        synchronized (expected) {
            snapshot = new LinkedHashMap<>(expected);
        }
        for (Map.Entry<String, Expected> entry : snapshot.entrySet()) {
            HttpResponse<String> got = fromQuery("/v1/articles/" + entry.getKey());
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

    /** How many of the drill's articles a search finds now (0 while search fails). */
    int searchable() throws IOException, InterruptedException {
        HttpResponse<String> found = fromQuery("/v1/articles?q=" + marker + "&size=1");
        if (found.statusCode() != 200) {
            return 0;
        }
        return JSON.readTree(found.body()).path("total").asInt();
    }
}
