package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the whole stack with {@code deploy/local/pipeline up} (real Kafka, Elasticsearch, PostgreSQL and the
 * three built services, on free ports and in a private home), pushes an article through all three services,
 * and checks that {@code down} leaves none of the processes it started running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path launcher;
    private static Path home;
    private static final Map<String, String> ports = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        launcher = repositoryRoot().resolve("deploy/local/pipeline");
        // Under /var/tmp: when run as root, Elasticsearch and PostgreSQL run as unprivileged users who need to reach it.
        home = Files.createTempDirectory(Path.of("/var/tmp"), "wire-e2e-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (String name : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "ES_PORT", "PG_PORT", "INGEST_PORT",
                "ENRICH_PORT", "QUERY_PORT")) {
            ports.put(name, Integer.toString(freePort()));
        }
        pipeline(Duration.ofMinutes(8), "up");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (home == null) {
            return;
        }
        try {
            List<Long> started = recordedPids();
            pipeline(Duration.ofMinutes(3), "down");
            for (long pid : started) {
                assertFalse(running(pid), "process " + pid + " started by 'pipeline up' still runs after 'pipeline down'");
            }
        } finally {
            deleteRecursively(home);
        }
    }

    @Test
    @Order(1)
    void postedArticleIsEnrichedIndexedAndSearchableWithinFiveSeconds() throws Exception {
        String article = """
                {"headline": "Harbour cranes idle as Valmora dockers strike",
                 "body": "Dock workers in Valmora walked out on Thursday, union leader Marta Ilves said. Ilves told reporters the strike would last two days.",
                 "source": "End-to-end Wire",
                 "publishedAt": "2026-11-19T06:30:00Z"}
                """;
        long posted = System.nanoTime();
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(service("INGEST_PORT", "/v1/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(article)).build());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("id").asText();

        JsonNode enriched = null;
        while (System.nanoTime() - posted < SEARCHABLE_WITHIN.toNanos() && enriched == null) {
            HttpResponse<String> got = send(HttpRequest.newBuilder(service("QUERY_PORT", "/v1/articles/" + id)).GET().build());
            if (got.statusCode() == 200) {
                enriched = JSON.readTree(got.body());
            } else {
                Thread.sleep(100);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - posted).toMillis();
        System.out.printf("e2e: article %s served by query-service %d ms after the POST%n", id, millis);
        assertTrue(enriched != null, "article not served by query-service within " + SEARCHABLE_WITHIN);
        assertEquals(id, enriched.get("id").asText());
        JsonNode entities = enriched.get("entities");
        List<String> people = new ArrayList<>();
        entities.forEach(e -> {
            if (e.get("type").asText().equals("PERSON")) {
                people.add(e.get("name").asText());
            }
        });
        assertTrue(people.contains("Marta Ilves"), () -> "expected PERSON Marta Ilves, got " + entities);

        // Search sees an article after the next index refresh (every 500 ms): poll within the same budget.
        List<String> found = new ArrayList<>();
        String lastAnswer = "";
        while (!found.contains(id) && System.nanoTime() - posted < SEARCHABLE_WITHIN.toNanos()) {
            HttpResponse<String> search = send(HttpRequest.newBuilder(
                    service("QUERY_PORT", "/v1/articles?q=dockers%20strike")).GET().build());
            assertEquals(200, search.statusCode(), search.body());
            lastAnswer = search.body();
            JSON.readTree(lastAnswer).get("articles").forEach(a -> found.add(a.get("id").asText()));
            if (!found.contains(id)) {
                Thread.sleep(100);
            }
        }
        System.out.printf("e2e: article %s found by search %d ms after the POST%n", id,
                Duration.ofNanos(System.nanoTime() - posted).toMillis());
        String answer = lastAnswer;
        assertTrue(found.contains(id), () -> "search did not find " + id + " within " + SEARCHABLE_WITHIN + ": " + answer);

        HttpResponse<String> intake = send(HttpRequest.newBuilder(service("INGEST_PORT", "/v1/articles/" + id)).GET().build());
        assertEquals("PUBLISHED", JSON.readTree(intake.body()).get("status").asText());
    }

    @Test
    @Order(2)
    void everyServiceReportsReady() throws Exception {
        for (String port : List.of("INGEST_PORT", "ENRICH_PORT", "QUERY_PORT")) {
            HttpResponse<String> ready = send(HttpRequest.newBuilder(service(port, "/q/health/ready")).GET().build());
            assertEquals(200, ready.statusCode(), port + ": " + ready.body());
        }
    }

    /** The outbox at work: with the broker down, intake still answers 202, and nothing is lost once it is back. */
    @Test
    @Order(3)
    void articlesAcceptedWhileKafkaIsDownArriveOnceItIsBack() throws Exception {
        pipeline(Duration.ofMinutes(2), "down", "kafka");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String article = """
                    {"headline": "Outage drill %d", "body": "Posted while the broker was down, drill %d.",
                     "source": "Drill Wire", "publishedAt": "2026-11-19T07:00:00Z"}
                    """.formatted(i, i);
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(service("INGEST_PORT", "/v1/articles"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(article)).build());
            assertEquals(202, accepted.statusCode(), accepted.body());
            ids.add(JSON.readTree(accepted.body()).get("id").asText());
        }
        for (String id : ids) {
            HttpResponse<String> intake = send(HttpRequest.newBuilder(service("INGEST_PORT", "/v1/articles/" + id)).GET().build());
            assertEquals("STORED", JSON.readTree(intake.body()).get("status").asText(), "published without a broker?");
        }

        long restarted = System.nanoTime();
        pipeline(Duration.ofMinutes(2), "up", "kafka");
        List<String> missing = new ArrayList<>(ids);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (String id : List.copyOf(missing)) {
                if (send(HttpRequest.newBuilder(service("QUERY_PORT", "/v1/articles/" + id)).GET().build()).statusCode() == 200) {
                    missing.remove(id);
                }
            }
            Thread.sleep(250);
        }
        System.out.printf("e2e: %d articles accepted during a Kafka outage were served %d ms after its restart%n",
                ids.size(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        assertTrue(missing.isEmpty(), () -> "lost after the Kafka outage: " + missing);
    }

    private static URI service(String portName, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(portName) + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void pipeline(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Path log = home.resolve("launcher-" + args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PIPELINE_HOME", home.toString());
        builder.environment().putAll(ports);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("'pipeline " + String.join(" ", args) + "' failed:\n" + output + logsOf());
        }
    }

    private static String logsOf() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") && Files.isRegularFile(f)).toList()) {
                List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                logs.append("\n==> ").append(file).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        }
        return logs.toString();
    }

    private static List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                String text = Files.readString(file).strip();
                if (text.matches("\\d+")) {
                    pids.add(Long.parseLong(text));
                }
            }
        }
        return pids;
    }

    /**
     * Whether the process still runs. A zombie has stopped: it only waits for whoever adopted it (init, or a
     * sandbox's subreaper) to collect its exit status, which ProcessHandle.isAlive() still counts as alive.
     */
    private static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("deploy/local/pipeline"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/local/pipeline not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
