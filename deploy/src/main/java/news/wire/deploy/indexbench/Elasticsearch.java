package news.wire.deploy.indexbench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few Elasticsearch REST calls the index benchmark makes. */
final class Elasticsearch {

    /** What query-service reads through; each build points it at its own index. */
    static final String ALIAS = "articles";

    private final URI base;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Elasticsearch(URI base) {
        this.base = base;
    }

    /** Documents in an index or alias, or -1 when it does not exist (yet). */
    long count(String index) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", "/" + index + "/_count");
        if (answer.statusCode() == 404) {
            return -1;
        }
        if (answer.statusCode() != 200) {
            throw new IOException("GET /" + index + "/_count answered " + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body()).path("count").asLong();
    }

    /** The indices the alias points at (none when there is no such alias). */
    List<String> aliasTargets(String alias) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", "/_alias/" + alias);
        List<String> names = new ArrayList<>();
        if (answer.statusCode() == 200) {
            json.readTree(answer.body()).fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Indices whose names match the pattern (e.g. {@code articles-v*}). */
    List<String> indices(String pattern) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", "/_cat/indices/" + URLEncoder.encode(pattern, StandardCharsets.UTF_8)
                + "?format=json&h=index&expand_wildcards=all");
        List<String> names = new ArrayList<>();
        if (answer.statusCode() == 200) {
            for (Iterator<JsonNode> it = json.readTree(answer.body()).elements(); it.hasNext(); ) {
                names.add(it.next().path("index").asText());
            }
        }
        return names;
    }

    /** Deletes one index by its exact name (Elasticsearch refuses wildcards in deletes); false if there was none. */
    boolean delete(String index) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("DELETE", "/" + index);
        if (answer.statusCode() == 404) {
            return false;
        }
        if (answer.statusCode() != 200) {
            throw new IOException("DELETE /" + index + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return true;
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
