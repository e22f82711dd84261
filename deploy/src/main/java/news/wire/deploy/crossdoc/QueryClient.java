package news.wire.deploy.crossdoc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what query-service made of the replayed articles: the enriched record, and the canonical id of a story or an
 * entity. Canonical ids are asked once per id: a story merged into another (or an entity) answers with, or redirects
 * to, its survivor.
 */
final class QueryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI query;
    private final ObjectMapper json;
    // Redirects followed: a merged story or entity may answer with a redirect to the one it now belongs to.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    // Canonical ids, asked once each: an id's canonical form does not change within a run.
    private final Map<String, String> stories = new ConcurrentHashMap<>();
    private final Map<String, String> entities = new ConcurrentHashMap<>();

    QueryClient(URI query, ObjectMapper json) {
        this.query = query;
        this.json = json;
    }

    /** The article's enriched record, or empty while query-service does not serve it (404). */
    Optional<JsonNode> article(String id) throws IOException, InterruptedException {
        return get("/v1/articles/" + encode(id), true);
    }

    /** The story's canonical id: the {@code id} of {@code GET /v1/stories/{id}}, after any redirect. */
    String canonicalStory(String storyId) throws IOException, InterruptedException {
        return canonical(stories, "/v1/stories/", storyId);
    }

    /**
     * The entity's canonical id: the {@code id} of {@code GET /v1/entities/{id}}, after any redirect; the id itself
     * when the service does not know it or has no such endpoint yet.
     */
    String canonicalEntity(String entityId) throws IOException, InterruptedException {
        return canonical(entities, "/v1/entities/", entityId);
    }

    private String canonical(Map<String, String> known, String path, String id)
            throws IOException, InterruptedException {
        String cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        String canonical = get(path + encode(id), false).map(found -> found.path("id").asText(id)).orElse(id);
        known.put(id, canonical);
        return canonical;
    }

    /** Whether any story has an article published in [from, to): a replay must start on empty days. */
    boolean anyStoryBetween(Instant from, Instant to) throws IOException, InterruptedException {
        return get("/v1/stories?size=1&from=" + from + "&to=" + to, false)
                .map(page -> page.path("stories").size() > 0).orElse(false);
    }

    /**
     * GETs a path: the JSON answer on 200, empty on 404 (and, when {@code strict} is false, on any other 4xx: an
     * endpoint that does not exist yet). Anything else is an error.
     */
    private Optional<JsonNode> get(String path, boolean strict) throws IOException, InterruptedException {
        URI uri = URI.create(query + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // Seen twice in thousands of entity pages under load: a response cut mid-body. A GET can be asked again;
            // say so, so a pattern would show.
            System.err.println("crossdoc-eval: GET " + uri + " failed (" + e.getMessage() + "); asking once more");
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException again) {
                throw new IOException("GET " + uri + " failed twice: " + again.getMessage(), again);
            }
        }
        int status = answer.statusCode();
        if (status == 200) {
            return Optional.of(json.readTree(answer.body()));
        }
        if (status == 404 || (!strict && status >= 400 && status < 500)) {
            return Optional.empty();
        }
        throw new IOException("HTTP " + status + " from " + uri + ": " + abbreviate(answer.body()));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
