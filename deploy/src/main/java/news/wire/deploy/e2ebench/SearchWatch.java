package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Finds out when posted articles become searchable. "Searchable" here means: a search on the {@code articles} alias
 * that query-service searches returns the article's id. A search (not a GET by id, which Elasticsearch answers from
 * its translog before a refresh) sees only what a refresh has published, which is what {@code GET /v1/articles?q=}
 * can find. One search asks for all outstanding ids at once, every poll interval, so the cost does not grow with the
 * rate the way one GET per article would. The time recorded is when the answer that first holds the id arrived: an
 * upper bound, late by at most one poll interval plus one search.
 */
public final class SearchWatch implements Runnable {

    private static final int IDS_PER_SEARCH = 1000;

    private final URI search;
    private final Duration interval;
    private final BiConsumer<String, Long> onSearchable;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    /** id → System.nanoTime() when its POST was sent. */
    private final Map<String, Long> outstanding = new LinkedHashMap<>();
    private volatile boolean stopped;
    private volatile String lastError;

    /** @param onSearchable called with the id and the POST-to-searchable time in nanoseconds */
    public SearchWatch(URI elasticsearch, Duration interval, BiConsumer<String, Long> onSearchable) {
        this.search = URI.create(elasticsearch + "/articles/_search");
        this.interval = interval;
        this.onSearchable = onSearchable;
    }

    public synchronized void watch(String id, long postedNanos) {
        outstanding.put(id, postedNanos);
    }

    public synchronized int outstanding() {
        return outstanding.size();
    }

    /** Stops watching whatever is still outstanding; returns how many that were. */
    public synchronized int forget() {
        int left = outstanding.size();
        outstanding.clear();
        return left;
    }

    public String lastError() {
        return lastError;
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            long start = System.nanoTime();
            try {
                poll();
                lastError = null;
            } catch (IOException e) {
                lastError = e.toString();
            } catch (InterruptedException e) {
                return;
            }
            long sleep = interval.toNanos() - (System.nanoTime() - start);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void poll() throws IOException, InterruptedException {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(outstanding.keySet());
        }
        for (int from = 0; from < ids.size(); from += IDS_PER_SEARCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_SEARCH));
            for (String found : searchable(chunk)) {
                long now = System.nanoTime();
                Long posted;
                synchronized (this) {
                    posted = outstanding.remove(found);
                }
                if (posted != null) {
                    onSearchable.accept(found, now - posted);
                }
            }
        }
    }

    private List<String> searchable(List<String> ids) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("size", ids.size());
        body.put("_source", false);
        body.putObject("query").putObject("ids").putPOJO("values", ids);
        HttpRequest request = HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return List.of(); // the alias appears with the first article query-service indexes
        }
        if (answer.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + answer.statusCode() + ": " + answer.body());
        }
        List<String> found = new ArrayList<>();
        for (JsonNode hit : json.readTree(answer.body()).path("hits").path("hits")) {
            found.add(hit.path("_id").asText());
        }
        return found;
    }
}
