package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Checks the benchmark's definition of searchable against the API users call: an article the direct Elasticsearch
 * search found must also be found by {@code GET /v1/articles?q=<its marker>} on query-service. A few per phase, so
 * the check costs nothing worth measuring.
 */
final class ApiCrossCheck {

    private final URI query;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int checked;
    private int found;

    ApiCrossCheck(URI query) {
        this.query = query;
    }

    synchronized void check(String id, String marker) throws InterruptedException {
        checked++;
        URI search = URI.create(query + "/v1/articles?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"" + id + "\"")) {
                found++;
            } else {
                System.err.println("e2e-figures: " + id + " found in Elasticsearch but not by " + search);
            }
        } catch (IOException e) {
            System.err.println("e2e-figures: " + search + ": " + e);
        }
    }

    synchronized int checked() {
        return checked;
    }

    synchronized int found() {
        return found;
    }
}
