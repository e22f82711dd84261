package news.wire.deploy.searchbench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** Times one kind of request, one at a time after a warm-up, and reports percentiles in milliseconds. */
final class LatencyProbe {

    /** Percentiles of one request kind; the body of the last answer is kept so a run can check it found something. */
    record Figures(double p50, double p99, String lastBody) {
    }

    // HTTP/1.1 to both: Elasticsearch speaks nothing else, and the JDK client would otherwise upgrade to HTTP/2
    // with query-service, so the two sides would not be timed over the same protocol.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int warmup;
    private final int requests;

    LatencyProbe(int warmup, int requests) {
        this.warmup = warmup;
        this.requests = requests;
    }

    /**
     * Times an API request and the equivalent direct one, alternating them request by request so both see the same
     * machine (on two cores shared with the whole stack, back-to-back blocks drift apart by more than the overhead
     * being measured).
     */
    Figures[] compare(URI api, URI elasticsearch, String directBody) throws IOException, InterruptedException {
        HttpRequest viaApi = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(30)).GET().build();
        HttpRequest direct = HttpRequest.newBuilder(elasticsearch).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(directBody)).build();
        String apiBody = null;
        String directAnswer = null;
        for (int i = 0; i < warmup; i++) {
            apiBody = send(viaApi);
            directAnswer = send(direct);
        }
        double[] apiMs = new double[requests];
        double[] directMs = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            apiBody = send(viaApi);
            long middle = System.nanoTime();
            directAnswer = send(direct);
            apiMs[i] = (middle - start) / 1e6;
            directMs[i] = (System.nanoTime() - middle) / 1e6;
        }
        return new Figures[] {figures(apiMs, apiBody), figures(directMs, directAnswer)};
    }

    private static Figures figures(double[] ms, String lastBody) {
        Arrays.sort(ms);
        return new Figures(rank(ms, 0.50), rank(ms, 0.99), lastBody);
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
