package news.wire.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends {@link HostileCase}s byte for byte (a plain JDK client: no library adds a charset or fixes a header on the
 * way) and checks the answers. A request that takes longer than the timeout counts as a hang and fails the case.
 */
public final class HostileClient {

    /** Generous for two shared cores, and still far below what a client would wait before calling it a hang. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String root;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper READER = new ObjectMapper();

    /** @param root the service's base URL, such as {@code http://localhost:8081/} */
    public HostileClient(String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** A service's answer: status, Content-Type (or ""), body as text and the headers. */
    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** A header's first value, or "" when the answer has none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        /** The body as JSON; fails the test when it is not. */
        public JsonNode json() {
            try {
                return READER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            String shown = body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return status + " " + contentType + " " + shown;
        }
    }

    public Answer send(HostileCase c) {
        HttpRequest.BodyPublisher publisher = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + c.target()))
                .timeout(TIMEOUT)
                .method(c.method(), publisher);
        c.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), response.headers());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(c + ": no answer within " + TIMEOUT + " (the service hangs on this input)", e);
        } catch (IOException e) {
            throw new AssertionError(c + ": the connection failed instead of an answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(c + ": interrupted", e);
        }
    }

    /**
     * Sends the case and requires its answer: the expected status, and for a refusal an
     * {@code application/problem+json} document whose type, status and title say what was wrong. Returns the answer
     * for checks of its own.
     */
    public Answer check(HostileCase c) {
        Answer answer = send(c);
        if (answer.status() >= 500) {
            throw new AssertionError(c + ": a server error for the client's input: " + answer);
        }
        if (c.perLine()) {
            checkLine(c, answer);
            return answer;
        }
        if (answer.status() != c.status()) {
            throw new AssertionError(c + ": expected " + c.status() + " but got " + answer);
        }
        if (c.refused()) {
            requireProblem(c, answer, c.problemType());
        } else if (c.answerCheck() != null) {
            c.answerCheck().accept(answer.json());
        }
        return answer;
    }

    /** Requires the service to report itself ready and live, as after a barrage it must. */
    public void requireUp() {
        for (String health : List.of("/q/health/ready", "/q/health/live")) {
            JsonNode status = check(HostileCase.get("health", health, health).answered(200)).json();
            if (!"UP".equals(status.path("status").asText())) {
                throw new AssertionError(health + " is not UP: " + status);
            }
        }
    }

    /** A batch answers 200 whatever its lines hold; the refusal is the line's own status and problem. */
    private void checkLine(HostileCase c, Answer answer) {
        if (answer.status() != 200 || !answer.contentType().startsWith("application/x-ndjson")) {
            throw new AssertionError(c + ": expected a 200 NDJSON batch answer but got " + answer);
        }
        String[] lines = answer.body().strip().split("\n");
        JsonNode line;
        try {
            line = READER.readTree(lines[0]);
        } catch (IOException e) {
            throw new AssertionError(c + ": the batch answer is not NDJSON: " + answer, e);
        }
        if (lines.length != 1 || line.path("status").asInt() != c.status()
                || !c.problemType().equals(line.at("/problem/type").asText())
                || line.at("/problem/status").asInt() != c.status() || line.has("id")) {
            throw new AssertionError(c + ": expected one refused line, " + c.status() + " " + c.problemType()
                    + ", but got " + answer);
        }
    }

    /** Requires a problem document of this type in the answer. */
    public void requireProblem(Object what, Answer answer, String type) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            throw new AssertionError(what + ": expected application/problem+json but got " + answer);
        }
        JsonNode problem;
        try {
            problem = READER.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(what + ": the problem document is not JSON: " + answer, e);
        }
        if (problem == null || !problem.isObject()) {
            throw new AssertionError(what + ": the problem document is not a JSON object: " + answer);
        }
        if (!type.equals(problem.path("type").asText())) {
            throw new AssertionError(what + ": expected problem type " + type + " but got " + answer);
        }
        if (problem.path("status").asInt() != answer.status() || problem.path("title").asText().isBlank()) {
            throw new AssertionError(what + ": the problem's status and title must match the answer: " + answer);
        }
    }

    /**
     * One line for the build log: how many cases a suite threw, refused and accepted, per category, so the counts
     * reported for the suite are the ones that ran.
     */
    public static String summary(String suite, Collection<HostileCase> refusals, Collection<HostileCase> acceptances) {
        List<HostileCase> cases = new ArrayList<>(refusals);
        cases.addAll(acceptances);
        Map<String, Long> byCategory = cases.stream()
                .collect(Collectors.groupingBy(HostileCase::category, TreeMap::new, Collectors.counting()));
        long refused = cases.stream().filter(HostileCase::refused).count();
        return suite + ": " + cases.size() + " hostile cases (" + refused + " refused with a problem, "
                + (cases.size() - refused) + " accepted and handled safely); by category: "
                + byCategory.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
