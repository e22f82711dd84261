package news.wire.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/compose/compose.yaml, read as Compose would read it and checked against the services it runs: their ports,
 * health endpoints, settings and dependencies. Nothing is started (no Docker engine where this was written).
 */
class ComposeFileTest {

    private static final Map<String, String> MODULES = Map.of(
            "ingest", "ingest-service", "enrich", "enrich-service", "query", "query-service");
    /** What each service cannot start without; `topics` is the one-shot that makes the declared topics. */
    private static final Map<String, Set<String>> NEEDS = Map.of("ingest", Set.of("postgres", "kafka", "topics"),
            "enrich", Set.of("kafka", "topics"), "query", Set.of("kafka", "elasticsearch", "topics"));
    /** Containers that do one thing and exit: they need no healthcheck, and are awaited by their exit. */
    private static final Set<String> ONE_SHOT = Set.of("topics");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");

    private final Checkout checkout = Checkout.find();
    private final JsonNode compose = checkout.yaml("deploy/compose/compose.yaml");
    private final JsonNode services = compose.path("services");

    private JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertTrue(service.isObject(), "no service " + name);
        return service;
    }

    /** A service's environment with ${VAR:-default} replaced by its default, as Compose does with VAR unset. */
    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(name).path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? unset(pair[1]) : "");
            });
        } else {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), unset(e.getValue().asText())));
        }
        return env;
    }

    private static String unset(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        return m.appendTail(out).toString();
    }

    private String healthcheck(String name) {
        JsonNode test = service(name).path("healthcheck").path("test");
        List<String> parts = new ArrayList<>();
        test.forEach(p -> parts.add(p.asText()));
        return String.join(" ", parts);
    }

    @Test
    void infrastructureComesFromOfficialImagesAtTheVersionsTheBuildUses() {
        assertEquals("apache/kafka:" + checkout.pomProperty("kafka.version"), service("kafka").path("image").asText());
        assertEquals("docker.elastic.co/elasticsearch/elasticsearch:" + checkout.pomProperty("elasticsearch.server.version"),
                service("elasticsearch").path("image").asText());
        // PostgreSQL 15: the version the local launcher and the tests run.
        assertEquals("postgres:15", service("postgres").path("image").asText());
    }

    @Test
    void eachServiceIsBuiltFromItsOwnDockerfileUnderOneImageNameAndVersion() {
        Set<String> tags = new HashSet<>();
        MODULES.forEach((name, module) -> {
            JsonNode build = service(name).path("build");
            Path context = checkout.path("deploy/compose").resolve(build.path("context").asText()).normalize();
            assertEquals(checkout.path(module), context, name + " build context");
            assertEquals("src/main/docker/Dockerfile.jvm", build.path("dockerfile").asText(), name);
            assertTrue(Files.isRegularFile(context.resolve(build.path("dockerfile").asText())), name + " Dockerfile");
            String image = unset(service(name).path("image").asText());
            assertTrue(image.startsWith("wire-pipeline/" + module + ":"), name + " image " + image);
            tags.add(image.substring(image.indexOf(':') + 1));
        });
        assertEquals(1, tags.size(), "the three images carry one version: " + tags);
    }

    @Test
    void everyContainerHasAHealthcheckAndARestartPolicy() {
        services.fields().forEachRemaining(e -> {
            if (ONE_SHOT.contains(e.getKey())) {
                assertEquals("on-failure", e.getValue().path("restart").asText(), e.getKey() + " must not run again");
                return;
            }
            assertFalse(healthcheck(e.getKey()).isBlank(), e.getKey() + " has no healthcheck");
            assertTrue(Set.of("always", "unless-stopped", "on-failure").contains(e.getValue().path("restart").asText()),
                    e.getKey() + " restart: " + e.getValue().path("restart"));
        });
    }

    @Test
    void servicesReportReadinessOnTheirOwnPort() {
        MODULES.forEach((name, module) -> {
            int port = ServiceSettings.of(checkout, module).httpPort();
            assertTrue(healthcheck(name).contains("http://localhost:" + port + "/q/health/ready"),
                    name + ": " + healthcheck(name));
        });
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        NEEDS.forEach((name, needs) -> {
            JsonNode dependsOn = service(name).path("depends_on");
            Set<String> listed = new TreeSet<>();
            dependsOn.fieldNames().forEachRemaining(listed::add);
            assertTrue(listed.containsAll(needs), name + " depends on " + listed + ", needs " + needs);
            for (String dependency : listed) {
                if (ONE_SHOT.contains(dependency)) {
                    assertEquals("service_completed_successfully", dependsOn.path(dependency).path("condition").asText(),
                            name + " -> " + dependency);
                    continue;
                }
                assertEquals("service_healthy", dependsOn.path(dependency).path("condition").asText(),
                        name + " -> " + dependency);
                assertFalse(healthcheck(dependency).isBlank(), dependency + " cannot become healthy without a check");
            }
        });
    }

    @Test
    void environmentSetsOnlySettingsTheServicesRead() {
        MODULES.forEach((name, module) -> {
            ServiceSettings settings = ServiceSettings.of(checkout, module);
            for (String variable : environment(name).keySet()) {
                assertTrue(settings.reads(variable), name + " reads nothing from " + variable);
            }
        });
    }

    /**
     * Search, the dashboard's data and the preview need read keys unless the keys are switched off by hand, and the
     * admin tokens that issue keys come from the environment, never from the file. ingest's keys stay off by default
     * here (no source has a key on a fresh stack), as its comment says.
     */
    @Test
    void readKeysAreOnUnlessSwitchedOffAndAdminTokensComeFromTheEnvironment() {
        for (String name : List.of("query", "enrich")) {
            String prefix = name.toUpperCase(java.util.Locale.ROOT);
            assertEquals("true", environment(name).get(prefix + "_AUTH_ENABLED"), name);
            String token = service(name).path("environment").path(prefix + "_AUTH_ADMIN_TOKEN").asText();
            assertEquals("${" + prefix + "_AUTH_ADMIN_TOKEN:-}", token, name + ": the admin token is not in the file");
            assertTrue(ServiceSettings.of(checkout, MODULES.get(name)).reads(prefix + "_AUTH_ADMIN_TOKEN"), name);
        }
    }

    @Test
    void connectionSettingsNameTheComposeServices() {
        Matcher advertised = Pattern.compile("PLAINTEXT://([\\w.-]+):(\\d+)")
                .matcher(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"));
        assertTrue(advertised.find());
        assertTrue(services.has(advertised.group(1)), "advertised host is a compose service");
        for (String name : MODULES.keySet()) {
            assertEquals(advertised.group(1) + ":" + advertised.group(2), environment(name).get("KAFKA_BOOTSTRAP_SERVERS"),
                    name);
        }

        Map<String, String> postgres = environment("postgres");
        Map<String, String> ingest = environment("ingest");
        assertEquals("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"),
                ingest.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(postgres.get("POSTGRES_USER"), ingest.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(service("postgres").path("environment").path("POSTGRES_PASSWORD").asText(),
                service("ingest").path("environment").path("QUARKUS_DATASOURCE_PASSWORD").asText(),
                "one password expression for both sides");

        assertEquals("elasticsearch:9200", environment("query").get("QUARKUS_ELASTICSEARCH_HOSTS"));
        for (String other : List.of("ingest", "enrich")) {
            int port = ServiceSettings.of(checkout, MODULES.get(other)).httpPort();
            assertEquals("http://" + other + ":" + port + "/q/metrics",
                    environment("query").get("QUERY_DASHBOARD_" + other.toUpperCase() + "_METRICS"));
        }
    }

    /**
     * The topics come from deploy/topics.properties through deploy/create-topics, run in the Kafka image against the
     * one broker with its own tools, before any service starts; no service is given a topic shape of its own.
     */
    @Test
    void topicsAreMadeFromTheDeclarationBeforeAnyServiceStarts() {
        JsonNode topics = service("topics");
        assertEquals(service("kafka").path("image").asText(), topics.path("image").asText(), "the broker's own tools");
        assertEquals("service_healthy", topics.path("depends_on").path("kafka").path("condition").asText());
        Map<String, String> mounted = new LinkedHashMap<>();
        topics.path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            assertTrue(parts.length == 3 && parts[2].equals("ro"), "read-only: " + volume.asText());
            mounted.put(parts[1], parts[0]);
        });
        List<String> entrypoint = new ArrayList<>();
        topics.path("entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertEquals("/bin/bash", entrypoint.get(0), entrypoint.toString());
        assertEquals(checkout.path("deploy/create-topics"),
                checkout.path("deploy/compose").resolve(mounted.get(entrypoint.get(1))).normalize(), "the script run");
        assertEquals(checkout.path(TopicDeclarations.FILE),
                checkout.path("deploy/compose").resolve(mounted.get(option(entrypoint, "--file"))).normalize(),
                "the declaration read");
        assertEquals(environment("ingest").get("KAFKA_BOOTSTRAP_SERVERS"), option(entrypoint, "--bootstrap-server"));
        long brokers = StreamSupport.stream(services.spliterator(), false)
                .filter(service -> service.path("image").asText().startsWith("apache/kafka:")
                        && !service.has("entrypoint")).count();
        assertEquals(Long.toString(brokers), option(entrypoint, "--brokers"), "sized for the brokers compose runs");
        assertEquals("/opt/kafka/bin", option(entrypoint, "--bin"), "where the apache/kafka image keeps its tools");

        for (String name : MODULES.keySet()) {
            for (String variable : environment(name).keySet()) {
                assertFalse(variable.endsWith("_PARTITIONS") || variable.endsWith("_REPLICATION_FACTOR"),
                        name + " is given a topic shape: " + variable);
            }
        }
    }

    private static String option(List<String> command, String name) {
        int at = command.indexOf(name);
        assertTrue(at >= 0 && at + 1 < command.size(), name + " in " + command);
        return command.get(at + 1);
    }

    /** The relay may send no larger a message than articles.raw is declared to take, or Kafka would refuse it. */
    @Test
    void ingestSendsNoMoreThanTheDeclaredTopicTakes() {
        String property = "ingest.topic.max-message-size";
        String value = environment("ingest").getOrDefault(ServiceSettings.environmentName(property),
                ServiceSettings.of(checkout, "ingest-service").property(property)
                        .orElseThrow(() -> new AssertionError("ingest has no " + property)));
        String topic = ServiceSettings.of(checkout, "ingest-service").property("ingest.topic.name").orElseThrow();
        long declared = TopicDeclarations.of(checkout).maxMessageBytes(topic);
        assertTrue(ServiceSettings.memoryBytes(value) <= declared, property + " " + value + " exceeds " + declared);
    }

    @Test
    void enrichScalesOutWithUniqueTransactionalIds() {
        JsonNode enrich = service("enrich");
        assertFalse(enrich.has("container_name"), "a fixed container name allows one container");
        assertFalse(enrich.has("ports"), "a published host port allows one container");
        // The default instance id is the container's host name and port: unique per container. One fixed id set
        // here would be shared by every scaled container, and their producers would fence each other.
        assertFalse(environment("enrich").containsKey("ENRICH_STREAM_INSTANCE_ID"));
        assertFalse(enrich.has("hostname"), "a fixed host name would give every container the same instance id");
        assertEquals("1", environment("enrich").get("ENRICH_STREAM_WORKERS"), "scaling is by container");

        Duration grace = Duration.parse("PT" + enrich.path("stop_grace_period").asText().toUpperCase());
        Duration shutdown = Duration.parse("PT" + ServiceSettings.of(checkout, "enrich-service")
                .property("enrich.stream.shutdown-timeout").orElseThrow().toUpperCase());
        assertTrue(grace.compareTo(shutdown) > 0, "enrich is given " + grace + " to stop, needs more than " + shutdown);
    }

    @Test
    void singleKafkaNodeIsConsistentWithItself() {
        Map<String, String> kafka = environment("kafka");
        byte[] clusterId = Base64.getUrlDecoder().decode(kafka.get("CLUSTER_ID"));
        assertEquals(16, clusterId.length, "CLUSTER_ID must be a UUID in URL-safe base64");
        String voter = kafka.get("KAFKA_NODE_ID") + "@kafka:";
        assertTrue(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").startsWith(voter), kafka.toString());
        String controllerPort = kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").substring(voter.length());
        assertTrue(kafka.get("KAFKA_LISTENERS").contains("CONTROLLER://:" + controllerPort), kafka.toString());
        for (String internal : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", kafka.get(internal), internal + " cannot exceed the one broker");
        }
        JsonNode volumes = service("kafka").path("volumes");
        assertTrue(volumes.toString().contains(":" + kafka.get("KAFKA_LOG_DIRS")), "the log directory is on a volume");
    }

    @Test
    void elasticsearchIsTheFullDistributionWithoutOurPlugin() {
        JsonNode elasticsearch = service("elasticsearch");
        String definition = elasticsearch.toString();
        assertFalse(definition.contains("wire-analysis") || definition.contains("elasticsearch-plugin")
                || definition.contains("/plugins"), "no plugin is installed or mounted: " + definition);
        Map<String, String> env = environment("elasticsearch");
        assertEquals("single-node", env.get("discovery.type"));
        assertTrue(env.get("ES_JAVA_OPTS").contains("-Xmx512m"), env.toString());
        assertEquals("false", env.get("xpack.security.enabled"));
    }

    /**
     * The index template names only analysis both kinds of node have: this official image (server and analysis-common)
     * and our local node (server and our plugin), so query-service creates its index on either, with one template.
     */
    @Test
    void indexTemplateUsesOnlyAnalysisTheOfficialImageAndOurLocalNodeBothHave() {
        OfficialElasticsearch.Analysis needs = OfficialElasticsearch.templateNeeds(checkout);
        assertEquals(Set.of(), needs.missingFrom(OfficialElasticsearch.officialImage()),
                "the official image would refuse the index template");
        assertEquals(Set.of(), needs.missingFrom(OfficialElasticsearch.localNode(checkout)),
                "our local node would refuse the index template");
        Set<String> twice = new TreeSet<>(OfficialElasticsearch.pluginTokenFilters(checkout));
        twice.retainAll(OfficialElasticsearch.SERVER_TOKEN_FILTERS);
        assertEquals(Set.of(), twice, "the server registers these filters itself: the local node would not start");
        assertTrue(needs.tokenFilters().containsAll(Set.of("stemmer", "stop")),
                "the template's own filters were read as their types: " + needs);
    }

    /**
     * The comment on the Elasticsearch service says why our plugin stays off this image (every name it shares with
     * analysis-common) and quotes no analysis name the image lacks.
     */
    @Test
    void elasticsearchCommentNamesWhyOurPluginStaysOff() {
        StringBuilder comment = new StringBuilder();
        boolean inService = false;
        for (String line : checkout.text("deploy/compose/compose.yaml").split("\n")) {
            if (line.equals("  elasticsearch:")) {
                inService = true;
            } else if (inService && line.startsWith("    #")) {
                comment.append(line).append('\n');
            } else if (inService) {
                break;
            }
        }
        Set<String> quoted = OfficialElasticsearch.quotedNames(comment.toString());
        Set<String> clashes = OfficialElasticsearch.pluginClashes(checkout);
        assertTrue(clashes.contains("english"), "the plugin's names were read: " + clashes);
        assertTrue(quoted.containsAll(clashes), "the comment names " + quoted + ", the plugin shares " + clashes);
        assertEquals(Set.of(), OfficialElasticsearch.notOnTheOfficialImage(quoted), comment.toString());
    }

    @Test
    void publishedPortsStayOnTheLoopback() {
        services.fields().forEachRemaining(e -> e.getValue().path("ports").forEach(port ->
                assertTrue(port.asText().startsWith("127.0.0.1:"), e.getKey() + " publishes " + port.asText())));
        for (String name : List.of("ingest", "query")) {
            int port = ServiceSettings.of(checkout, MODULES.get(name)).httpPort();
            assertEquals("127.0.0.1:" + port + ":" + port, service(name).path("ports").path(0).asText(), name);
        }
    }

    @Test
    void namedVolumesAreDeclaredAndUsed() {
        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        Set<String> used = new TreeSet<>();
        services.forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (!source.startsWith(".") && !source.startsWith("/")) {
                used.add(source);
            }
        }));
        assertEquals(declared, used);
    }

    @Test
    void prometheusScrapesTheMonitoringJobsAtTheComposeServices() {
        JsonNode local = checkout.yaml("deploy/monitoring/prometheus/prometheus.yml");
        JsonNode here = checkout.yaml("deploy/compose/prometheus/prometheus.yml");
        Set<String> localJobs = new TreeSet<>();
        local.path("scrape_configs").forEach(job -> localJobs.add(job.path("job_name").asText()));
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        here.path("scrape_configs").forEach(job -> jobs.put(job.path("job_name").asText(), job));
        assertEquals(localJobs, jobs.keySet(), "the alert rules select these job names");

        MODULES.forEach((name, module) -> {
            JsonNode job = jobs.get(module);
            assertEquals("/q/metrics", job.path("metrics_path").asText(), module);
            int port = ServiceSettings.of(checkout, module).httpPort();
            String target = job.path("static_configs").path(0).path("targets").path(0).asText(null);
            if (target == null) {
                JsonNode dns = job.path("dns_sd_configs").path(0);
                target = dns.path("names").path(0).asText() + ":" + dns.path("port").asInt();
            }
            assertEquals(name + ":" + port, target, module);
        });
        // Scaled enrich containers are scraped one by one, not through one name that picks any of them.
        assertTrue(jobs.get("enrich-service").has("dns_sd_configs"));

        String mounts = service("prometheus").path("volumes").toString();
        assertTrue(mounts.contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"), mounts);
        assertTrue(mounts.contains("../monitoring/prometheus/alerts.yml:/etc/prometheus/alerts.yml"), mounts);
        assertTrue(Files.isRegularFile(checkout.path("deploy/compose/../monitoring/prometheus/alerts.yml")));
    }

    /** promtool (Debian's prometheus package, as the monitoring tests use) accepts the config with the rules beside it. */
    @Test
    void prometheusConfigPassesPromtool(@TempDir Path dir) throws Exception {
        Files.copy(checkout.path("deploy/compose/prometheus/prometheus.yml"), dir.resolve("prometheus.yml"));
        Files.copy(checkout.path("deploy/monitoring/prometheus/alerts.yml"), dir.resolve("alerts.yml"));
        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "config", "prometheus.yml").directory(dir.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "promtool is not installed (apt-get install prometheus)");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool still running");
        assertEquals(0, process.exitValue(), output);
    }
}
