package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.deploy.monitoring.MonitoringConfig;

/**
 * Starts the whole stack with {@code deploy/local/pipeline up --secure} (real Kafka over SASL_SSL, Elasticsearch,
 * PostgreSQL and the three built services, on free ports and in a private home), pushes an article through all
 * three services, and checks that {@code down} leaves none of the processes it started running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalPipeline stack;

    @BeforeAll
    static void startStack() throws Exception {
        // The Kafka outage test waits for the services to find the broker back: their retries come 2 s apart at most.
        stack = LocalPipeline.create("wire-e2e").withRetryCeiling(Duration.ofSeconds(2));
        // As in production: Kafka over SASL_SSL (SCRAM-SHA-512 over TLS), each service with its own login.
        // Up to 12 minutes: the first 'up' after a build also makes the services' AOT caches (where a JDK 25 is).
        stack.run(Duration.ofMinutes(12), "up", "--secure");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close(); // fails if a process 'pipeline up' started outlives 'pipeline down'
        }
    }

    @Test
    @Order(1)
    void postedArticleIsEnrichedIndexedAndSearchableWithinFiveSeconds() throws Exception {
        // The bound is for a pipeline in service: the first article through fresh JVMs (class loading, the CRF
        // model's first use, JIT) took 2 to 5 s here, so one goes through first with a bound of its own.
        new DrillWire(stack).warmUp(Duration.ofSeconds(60));
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

        // One article, one trace: each service logs the article under the trace id the request started.
        Pattern traced = Pattern.compile("\\{article=" + Pattern.quote(id) + " trace=([0-9a-f]{32})}");
        Set<String> traces = new TreeSet<>();
        for (String serviceName : List.of("ingest", "enrich", "query")) {
            Matcher line = traced.matcher(stack.serviceLog(serviceName));
            assertTrue(line.find(), () -> serviceName + " logged no line with article " + id + " and a trace id");
            traces.add(line.group(1));
        }
        assertEquals(1, traces.size(), () -> "article " + id + " crossed the services in several traces: " + traces);
    }

    @Test
    @Order(2)
    void everyServiceReportsReady() throws Exception {
        for (String port : List.of("INGEST_PORT", "ENRICH_PORT", "QUERY_PORT")) {
            HttpResponse<String> ready = send(HttpRequest.newBuilder(service(port, "/q/health/ready")).GET().build());
            assertEquals(200, ready.statusCode(), port + ": " + ready.body());
        }
    }

    /**
     * Where a JDK 25 or newer is installed, the launcher runs each service on it with the AOT cache made for the build
     * beside its jar, and the JVM mapped that cache (its -Xlog:aot output in the service's folder says so). Elsewhere
     * the services run as before and there is nothing to check.
     */
    @Test
    @Order(2)
    void everyServiceRunsOnJdk25WithItsAotCacheMapped() throws Exception {
        Path jdk = newestJdk25();
        assumeTrue(jdk != null && !"off".equals(System.getenv("PIPELINE_AOT")), "no JDK 25+ in /usr/lib/jvm");
        Path repository = LocalPipeline.repositoryRoot();
        for (String service : List.of("ingest", "enrich", "query")) {
            Path folder = stack.home().resolve(service);
            String pid = Files.readString(folder.resolve(service + ".pid")).strip();
            List<String> command = List.of(Files.readString(Path.of("/proc", pid, "cmdline")).split("\0"));
            Path cache = repository.resolve(service + "-service/target/quarkus-app/app.aot");
            assertEquals(jdk.resolve("bin/java").toRealPath(), Path.of(command.get(0)).toRealPath(),
                    service + ": " + command);
            assertTrue(command.contains("-XX:AOTCache=" + cache), service + ": " + command);
            assertTrue(Files.size(cache) > 10_000_000, cache + " is too small to hold the classes of a start");

            String aotLog = Files.readString(folder.resolve("aot.log"));
            assertTrue(aotLog.contains("Opened AOT cache " + cache + "."), service + " did not open its cache:\n" + aotLog);
            assertTrue(aotLog.contains("Mapped static  region #0"), service + " did not map its cache:\n" + aotLog);
            assertFalse(aotLog.contains("[error]") || aotLog.contains("Unable to use"), service + ":\n" + aotLog);
        }
    }

    /** The newest JDK of version 25 or newer in /usr/lib/jvm, as the launcher picks it, or null. */
    private static Path newestJdk25() throws IOException {
        Path best = null;
        int bestVersion = 24;
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.filter(h -> !Files.isSymbolicLink(h) && Files.isRegularFile(h.resolve("release")))
                    .toList()) {
                Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)")
                        .matcher(Files.readString(home.resolve("release")));
                if (version.find() && Integer.parseInt(version.group(1)) > bestVersion) {
                    best = home;
                    bestVersion = Integer.parseInt(version.group(1));
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return best;
    }

    /**
     * Every metric that deploy/monitoring's alert rules and Grafana dashboards read is exported by a running service,
     * so no panel stays empty and no alert silently never fires because of a renamed or missing metric.
     */
    @Test
    @Order(3)
    void everyMetricTheAlertsAndDashboardsReadIsExported() throws Exception {
        // Counters with labels appear with their first event: one refused article makes the rejection series exist.
        HttpResponse<String> refused = send(HttpRequest.newBuilder(service("INGEST_PORT", "/v1/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"headline\": ")).build());
        assertEquals(400, refused.statusCode(), refused.body());

        Set<String> exported = new TreeSet<>();
        for (String port : List.of("INGEST_PORT", "ENRICH_PORT", "QUERY_PORT")) {
            HttpResponse<String> metrics = send(HttpRequest.newBuilder(service(port, "/q/metrics")).GET().build());
            assertEquals(200, metrics.statusCode(), port);
            metrics.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        Map<String, Set<String>> used = MonitoringConfig.ofCheckout().metricsUsed();
        // up is written by Prometheus itself for every scrape target.
        used.remove("up");
        assertTrue(used.size() >= 15, () -> "suspiciously few metrics found in deploy/monitoring: " + used.keySet());
        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(exported);
        assertTrue(missing.isEmpty(), () -> "used by deploy/monitoring but exported by no service: " + missing);
    }

    /**
     * The outbox at work: Kafka stops while a stream of articles is being posted at 20/s; intake must go on answering
     * 202 throughout, second versions and withdrawals arrive while the broker is away, and once it is back every
     * accepted article must be served once at its latest version (withdrawn ones gone).
     */
    @Test
    @Order(4)
    void articlesAcceptedWhileKafkaIsDownArriveOnceItIsBack() throws Exception {
        DrillWire wire = new DrillWire(stack);
        wire.warmUp(Duration.ofSeconds(30));
        ExecutorService poster = Executors.newSingleThreadExecutor();
        long restarted;
        try {
            Future<?> stream = poster.submit(() -> wire.postRound("outage", 200, Duration.ofMillis(50)));
            Thread.sleep(2_000);
            pipeline(Duration.ofMinutes(2), "down", "kafka");
            long stopped = System.nanoTime();
            assertTrue(!stream.isDone(), "Kafka must stop while the stream is still being posted");
            stream.get(2, TimeUnit.MINUTES);
            wire.reviseAndWithdraw();
            int searchableWhileDown = wire.searchable();
            Thread.sleep(Math.max(0, 15_000 - Duration.ofNanos(System.nanoTime() - stopped).toMillis()));
            restarted = System.nanoTime();
            pipeline(Duration.ofMinutes(2), "up", "kafka");
            System.out.printf("e2e: Kafka down for %d s while %d articles were posted; %d searchable before it came back%n",
                    Duration.ofNanos(restarted - stopped).toSeconds(), wire.accepted(), searchableWhileDown);
        } finally {
            poster.shutdownNow();
        }
        wire.assertServedAsAccepted(Duration.ofMinutes(2));
        System.out.printf("e2e: all %d articles accepted around a Kafka outage (%d live) served as accepted %d s after "
                + "the broker's restart began%n", wire.accepted(), wire.live(),
                Duration.ofNanos(System.nanoTime() - restarted).toSeconds());
    }

    /**
     * What the wire says about an item besides its text crosses all three services: a ninjs item's subjects (by URI
     * and by QCode) and byline are found through query-service's subject filter and shown with the article.
     */
    @Test
    @Order(5)
    void aNinjsItemsSubjectsAndBylineAreSearchableAtQueryService() throws Exception {
        String uri = "urn:e2e:" + System.nanoTime();
        String ninjs = """
                {"uri": "%s", "versioncreated": "2026-11-20T09:05:00Z", "firstcreated": "2026-11-20T09:00:00Z",
                 "copyrightholder": "End-to-end Wire", "language": "en", "byline": "By Tomas Reyne",
                 "headline": "Sluice gates shut as Lowmarsh floods",
                 "body_text": "The Fen Drainage Board shut the sluice gates at Lowmarsh on Friday.",
                 "subjects": [{"name": "weather", "uri": "http://cv.iptc.org/newscodes/mediatopic/17000000"},
                              {"code": "medtop:06000000", "name": "environment"}]}
                """.formatted(uri);
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(service("INGEST_PORT", "/v1/articles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ninjs)).build());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("id").asText();

        // Run on its own, this is the first article through fresh JVMs: a bound for that, not for a warm pipeline.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode hit = null;
        String answer = "";
        while (hit == null && System.nanoTime() < deadline) {
            HttpResponse<String> search = send(HttpRequest.newBuilder(
                    service("QUERY_PORT", "/v1/articles?subject=medtop:17000000&source=End-to-end%20Wire")).GET().build());
            assertEquals(200, search.statusCode(), search.body());
            answer = search.body();
            for (JsonNode row : JSON.readTree(answer).get("articles")) {
                if (row.get("id").asText().equals(id)) {
                    hit = row;
                }
            }
            if (hit == null) {
                Thread.sleep(200);
            }
        }
        String last = answer;
        assertTrue(hit != null, () -> "subject=medtop:17000000 did not find " + id + ": " + last);
        assertEquals("By Tomas Reyne", hit.get("byline").asText());
        assertEquals("2026-11-20T09:05:00Z", hit.get("versionCreated").asText());
        assertEquals(JSON.readTree("""
                [{"code": "17000000", "name": "weather", "scheme": "medtop"},
                 {"code": "06000000", "name": "environment", "scheme": "medtop"}]"""), hit.get("subjects"));

        HttpResponse<String> byName = send(HttpRequest.newBuilder(
                service("QUERY_PORT", "/v1/articles?subject=Environment&source=End-to-end%20Wire")).GET().build());
        List<String> found = new ArrayList<>();
        JSON.readTree(byName.body()).get("articles").forEach(a -> found.add(a.get("id").asText()));
        assertTrue(found.contains(id), byName.body());
    }

    private static URI service(String portName, String path) {
        return stack.service(portName, path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void pipeline(Duration timeout, String... args) throws Exception {
        stack.run(timeout, args);
    }
}
