package news.wire.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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
    /**
     * What each service cannot start without; `topics` is the one-shot that makes the declared topics, `kafka-certs`
     * the one that writes each service's Kafka login.
     */
    private static final Map<String, Set<String>> NEEDS = Map.of(
            "ingest", Set.of("postgres", "kafka", "topics", "kafka-certs"),
            "enrich", Set.of("kafka", "topics", "kafka-certs"),
            "query", Set.of("kafka", "elasticsearch", "topics", "kafka-certs", "elasticsearch-certs",
                    "elasticsearch-users"));
    /** Containers that do one thing and exit: they need no healthcheck, and are awaited by their exit. */
    private static final Set<String> ONE_SHOT = Set.of("topics", "kafka-certs", "elasticsearch-certs",
            "elasticsearch-users");
    /**
     * Variables read by the image (eclipse-temurin's entrypoint adds /certificates to the JVM's trust store) or by
     * Quarkus itself (further configuration files), not settings of the service's own.
     */
    private static final Set<String> IMAGE_AND_QUARKUS_VARIABLES = Set.of("USE_SYSTEM_CA_CERTS", "QUARKUS_CONFIG_LOCATIONS");
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
                // Every kafka.* setting reaches every Kafka client of the service (each one's KafkaClientsTest).
                assertTrue(settings.reads(variable) || variable.startsWith("KAFKA_")
                        || IMAGE_AND_QUARKUS_VARIABLES.contains(variable),
                        name + " reads nothing from " + variable);
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
        Matcher advertised = Pattern.compile("SASL_SSL://([\\w.-]+):(\\d+)")
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
                        && service.path("environment").path("KAFKA_PROCESS_ROLES").asText().contains("broker")).count();
        assertEquals(Long.toString(brokers), option(entrypoint, "--brokers"), "sized for the brokers compose runs");
        assertEquals("/opt/kafka/bin", option(entrypoint, "--bin"), "where the apache/kafka image keeps its tools");
        assertEquals(adminClientConfig(), option(entrypoint, "--command-config"), "the topics are made as admin");
        assertEquals("kafka-secrets", mounted.get(secretsDir()), "the admin's login is mounted");

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
        // The one voter is this node, on its loopback: the controller listener is no other container's business.
        String voter = kafka.get("KAFKA_NODE_ID") + "@127.0.0.1:";
        assertTrue(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").startsWith(voter), kafka.toString());
        String controllerPort = kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").substring(voter.length());
        assertTrue(kafka.get("KAFKA_LISTENERS").contains("CONTROLLER://127.0.0.1:" + controllerPort), kafka.toString());
        for (String internal : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", kafka.get(internal), internal + " cannot exceed the one broker");
        }
        JsonNode volumes = service("kafka").path("volumes");
        assertTrue(volumes.toString().contains(":" + kafka.get("KAFKA_LOG_DIRS")), "the log directory is on a volume");
    }

    private List<String> entrypoint(String name) {
        List<String> command = new ArrayList<>();
        service(name).path("entrypoint").forEach(part -> command.add(part.asText()));
        return command;
    }

    /** A service's volumes as container path -> source, and whether each is read-only. */
    private Map<String, String> mounts(String name) {
        Map<String, String> mounts = new LinkedHashMap<>();
        service(name).path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            mounts.put(parts[1], parts[0] + (parts.length > 2 ? ":" + parts[2] : ""));
        });
        return mounts;
    }

    /** Where kafka-certs writes the broker's secrets, the same path in every apache/kafka container. */
    private String secretsDir() {
        return option(entrypoint("kafka-certs"), "--secrets");
    }

    private String adminClientConfig() {
        return secretsDir() + "/admin-client.properties";
    }

    /** kafka-certs's --login USER=DIR options, in order. */
    private Map<String, String> logins() {
        List<String> command = entrypoint("kafka-certs");
        Map<String, String> logins = new LinkedHashMap<>();
        for (int i = 0; i < command.size() - 1; i++) {
            if (command.get(i).equals("--login")) {
                String[] pair = command.get(i + 1).split("=", 2);
                logins.put(pair[0], pair[1]);
            }
        }
        return logins;
    }

    /**
     * Every service reaches Kafka at the SASL_SSL listener as the Kafka user of its own name (as in Kubernetes),
     * trusting the CA kafka-certs made: protocol, mechanism and trust store from the environment, the login from its
     * own volume, which Quarkus reads as config/application.properties of the image's working directory.
     */
    @Test
    void eachServiceLogsInOverSaslSslAsItsOwnUser() {
        Map<String, String> logins = logins();
        assertEquals(new TreeSet<>(MODULES.values()), new TreeSet<>(logins.keySet()), "a login per service");
        Map<String, String> certs = mounts("kafka-certs");
        Set<String> loginVolumes = new HashSet<>();
        MODULES.forEach((name, module) -> {
            Map<String, String> env = environment(name);
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"), name);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), name);
            assertEquals("PEM", env.get("KAFKA_SSL_TRUSTSTORE_TYPE"), name);
            assertFalse(env.containsKey("KAFKA_SASL_JAAS_CONFIG"), name + ": a password in the compose file");

            Dockerfile image = Dockerfile.parse(checkout.text(module + "/src/main/docker/Dockerfile.jvm"));
            String config = image.only("WORKDIR") + "/config";
            String volume = mounts(name).get(config);
            assertTrue(volume != null && volume.endsWith(":ro"), name + " mounts its login read-only at " + config);
            String source = volume.substring(0, volume.indexOf(':'));
            assertEquals(source, certs.get(logins.get(module)), name + "'s volume is where kafka-certs writes "
                    + module + "'s login");
            assertEquals(config + "/kafka-ca.crt", env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"), name);
            assertTrue(loginVolumes.add(source), "one login volume per service");
            services.fields().forEachRemaining(other -> {
                if (!other.getKey().equals(name) && !other.getKey().equals("kafka-certs")) {
                    assertFalse(other.getValue().path("volumes").toString().contains(source + ":"),
                            other.getKey() + " mounts " + name + "'s login");
                }
            });
            // The files are the service user's alone: kafka-certs hands them to the uid the image runs as.
            String uid = image.only("USER").split(":")[0];
            assertEquals(uid, option(entrypoint("kafka-certs"), "--login-owner"), module);
        });
    }

    /** The broker's only listener other containers can reach is SASL_SSL with SCRAM-SHA-512; nothing is plaintext. */
    @Test
    void brokerAdvertisesOnlySaslSslAndKeepsItsControllerOnTheLoopback() {
        Map<String, String> kafka = environment("kafka");
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String pair : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            protocols.put(pair.split(":")[0], pair.split(":")[1]);
        }
        for (String listener : kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            assertEquals("SASL_SSL", protocols.get(name), "advertised to the services: " + listener);
        }
        for (String listener : kafka.get("KAFKA_LISTENERS").split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            if (!protocols.get(name).equals("SASL_SSL")) {
                assertTrue(listener.startsWith(name + "://127.0.0.1:"), "reachable by other containers: " + listener);
            }
        }
        assertEquals("SASL_SSL", protocols.get(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")));
        assertEquals("SCRAM-SHA-512", kafka.get("KAFKA_SASL_ENABLED_MECHANISMS"));
        assertEquals("SCRAM-SHA-512", kafka.get("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL"));
        assertFalse(protocols.containsValue("SASL_PLAINTEXT") || protocols.containsValue("SSL"), protocols.toString());

        // What the broker reads comes from the volume kafka-certs writes, mounted read-only where it writes it.
        assertEquals("kafka-secrets:ro", mounts("kafka").get(secretsDir()));
        assertEquals("kafka-secrets", mounts("kafka-certs").get(secretsDir()));
        for (String file : List.of(kafka.get("KAFKA_SSL_KEYSTORE_LOCATION"), kafka.get("KAFKA_SSL_TRUSTSTORE_LOCATION"),
                kafka.get("KAFKA_OPTS").replace("-Djava.security.auth.login.config=", ""))) {
            assertTrue(file.startsWith(secretsDir() + "/"), file);
        }
        assertEquals("PEM", kafka.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
        assertTrue(checkout.text("deploy/compose/kafka-start").contains("SECRETS=${SECRETS:-" + secretsDir() + "}"),
                "kafka-start reads the passwords where they are mounted");
        // kafka-start runs in place of the image's start, and formats the storage on the broker's log volume.
        List<String> start = entrypoint("kafka");
        assertEquals("/bin/bash", start.get(0));
        assertEquals("./kafka-start:ro", mounts("kafka").get(start.get(1)));
        assertEquals("kafka-data", mounts("kafka").get(kafka.get("KAFKA_LOG_DIRS")));
        assertEquals("kafka-data:ro", mounts("kafka-certs").get(option(entrypoint("kafka-certs"), "--data")),
                "kafka-certs sees whether the storage is formatted, and cannot change it");

        // No password in the compose file: the only one is PostgreSQL's, from the environment; a *_PASSWORD_FILE names
        // a file some one-shot service wrote.
        String text = checkout.text("deploy/compose/compose.yaml");
        assertFalse(text.contains("password=") || text.contains("PASSWORD: ${KAFKA"), "a Kafka password in the file");
        services.fields().forEachRemaining(e -> environment(e.getKey()).forEach((variable, value) -> assertTrue(
                !variable.contains("PASSWORD") || variable.contains("POSTGRES") || variable.contains("DATASOURCE")
                        || variable.endsWith("_PASSWORD_FILE") && value.startsWith("/"),
                e.getKey() + " sets " + variable)));
    }

    /** Secrets first, then the broker (healthy only if the admin can log in), then topics, then the services. */
    @Test
    void certificatesAreMadeBeforeTheBrokerWhoseHealthIsAnAdminLogin() {
        JsonNode certs = service("kafka-certs");
        assertEquals(service("kafka").path("image").asText(), certs.path("image").asText(), "the image's keytool");
        assertEquals("service_completed_successfully",
                service("kafka").path("depends_on").path("kafka-certs").path("condition").asText());
        assertEquals("./kafka-secrets:ro", mounts("kafka-certs").get(entrypoint("kafka-certs").get(1)));
        assertEquals("appuser", option(entrypoint("kafka-certs"), "--owner"), "the apache/kafka image's user");
        assertTrue(healthcheck("kafka").contains("--bootstrap-server localhost:9092 --command-config "
                + adminClientConfig()), healthcheck("kafka"));
        assertTrue(environment("kafka").get("KAFKA_LISTENERS").contains("SASL_SSL://:9092"));
    }

    /**
     * deploy/compose/kafka-secrets run here as kafka-certs runs it, its container paths under a temporary folder
     * (bash and the JDK's keytool, as in the image): everything the broker, the tools and each service are pointed
     * at exists and fits together, and a second run changes nothing.
     */
    @Test
    void kafkaSecretsMakesWhatTheBrokerAndEachServiceRead(@TempDir Path root) throws Exception {
        List<String> command = new ArrayList<>(entrypoint("kafka-certs"));
        command.set(1, checkout.path("deploy/compose/kafka-secrets").toString());
        // The image's appuser and the services' uid are not users here: the files stay the test's own.
        for (String owner : List.of("--owner", "--login-owner")) {
            int at = command.indexOf(owner);
            command.subList(at, at + 2).clear();
        }
        for (int i = 2; i < command.size(); i++) {
            command.set(i, command.get(i).replaceAll("(^|=)/", "$1" + root + "/"));
        }
        String first = run(command);
        Path secrets = Path.of(root + secretsDir());
        Map<Path, byte[]> files = snapshot(root);
        assertTrue(first.contains("making a CA"), first);

        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) x509.generateCertificate(Files.newInputStream(secrets.resolve("ca.crt")));
        assertTrue(ca.getBasicConstraints() >= 0, "ca.crt is a CA");
        String storePassword = Files.readString(secrets.resolve("store.password")).strip();
        KeyStore broker = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(root + environment("kafka").get("KAFKA_SSL_KEYSTORE_LOCATION")))) {
            broker.load(in, storePassword.toCharArray());
        }
        X509Certificate brokerCert = (X509Certificate) broker.getCertificate("broker");
        brokerCert.verify(ca.getPublicKey());
        Set<String> names = new TreeSet<>();
        brokerCert.getSubjectAlternativeNames().forEach(san -> names.add(san.get(1).toString()));
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").replaceAll(".*://([^:]+):.*", "$1");
        assertTrue(names.containsAll(Set.of(advertised, "localhost")), "the services' and the healthcheck's name: " + names);
        assertTrue(broker.isKeyEntry("broker"));
        assertFalse(Files.exists(secrets.resolve("ca.p12")), "the CA's key is not kept");

        Properties passwords = new Properties();
        passwords.load(new StringReader(Files.readString(secrets.resolve("passwords"))));
        Set<String> users = new TreeSet<>(MODULES.values());
        users.add("admin");
        assertEquals(users, passwords.stringPropertyNames(), "a SCRAM user per service and the admin");
        assertEquals(passwords.size(), new HashSet<>(passwords.values()).size(), "each its own password");
        passwords.values().forEach(p -> assertTrue(p.toString().matches("[A-Za-z0-9]{16,}"), "password " + p));

        String adminLogin = jaas("admin", passwords);
        assertTrue(Files.readString(Path.of(root + environment("kafka").get("KAFKA_OPTS")
                .replace("-Djava.security.auth.login.config=", ""))).contains(adminLogin), "the broker's own login");
        Properties admin = new Properties();
        admin.load(new StringReader(Files.readString(Path.of(root + adminClientConfig()))));
        assertEquals("SASL_SSL", admin.getProperty("security.protocol"));
        assertEquals("SCRAM-SHA-512", admin.getProperty("sasl.mechanism"));
        assertEquals(adminLogin, admin.getProperty("sasl.jaas.config"));
        assertEquals(root + environment("kafka").get("KAFKA_SSL_TRUSTSTORE_LOCATION"),
                admin.getProperty("ssl.truststore.location"));

        MODULES.forEach((name, module) -> {
            Path config = Path.of(root + logins().get(module));
            Properties login = new Properties();
            try {
                login.load(new StringReader(Files.readString(config.resolve("application.properties"))));
                assertEquals(Files.readString(secrets.resolve("ca.crt")), Files.readString(config.resolve(
                        Path.of(environment(name).get("KAFKA_SSL_TRUSTSTORE_LOCATION")).getFileName().toString())));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertEquals(Set.of("kafka.sasl.jaas.config"), login.stringPropertyNames(), module);
            assertEquals(jaas(module, passwords), login.getProperty("kafka.sasl.jaas.config"), module);
        });

        String second = run(command);
        assertFalse(second.contains("making a CA"), second);
        Map<Path, byte[]> again = snapshot(root);
        assertEquals(files.keySet(), again.keySet());
        files.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, again.get(file)), "changed: " + file));

        // New passwords for storage formatted with the old ones would lock every user out: refused.
        Path data = Path.of(root + option(entrypoint("kafka-certs"), "--data"));
        Files.createDirectories(data);
        Files.writeString(data.resolve("meta.properties"), "cluster.id=x\n");
        Files.delete(secrets.resolve("passwords"));
        Process refused = process(command);
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, refused.exitValue(), output);
        assertTrue(output.contains("is formatted"), output);
    }

    private static String jaas(String user, Properties passwords) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + passwords.getProperty(user) + "\";";
    }

    private static Process process(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // keytool from the JDK running the tests, as the image's JRE has it on the PATH.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + builder.environment().get("PATH"));
        return builder.start();
    }

    private static String run(List<String> command) throws Exception {
        Process process = process(command);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "still running: " + command);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        return files;
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
        assertEquals("true", env.get("xpack.security.enabled"));
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

    /** Where elasticsearch-certs writes the node's files: the node's config/certs, in every Elasticsearch container. */
    private String elasticsearchCerts() {
        return option(entrypoint("elasticsearch-certs"), "--certs");
    }

    /**
     * Security on, as on ECK: HTTPS with the certificate elasticsearch-certs made before the node starts, elastic's
     * password from the file it wrote, and a healthcheck that trusts only that CA and logs in.
     */
    @Test
    void elasticsearchRunsWithSecurityOnWithCertificatesMadeBeforeIt() {
        JsonNode certs = service("elasticsearch-certs");
        assertEquals(service("elasticsearch").path("image").asText(), certs.path("image").asText(),
                "the image's own elasticsearch-certutil");
        assertEquals("./elasticsearch-secrets:ro", mounts("elasticsearch-certs").get(entrypoint("elasticsearch-certs").get(1)));
        assertEquals("service_completed_successfully",
                service("elasticsearch").path("depends_on").path("elasticsearch-certs").path("condition").asText());
        String dir = elasticsearchCerts();
        assertEquals("/usr/share/elasticsearch/config/certs", dir, "inside the node's config folder, as its SSL files must be");
        assertEquals("elasticsearch-certs", mounts("elasticsearch-certs").get(dir));
        assertEquals("elasticsearch-certs:ro", mounts("elasticsearch").get(dir));
        assertEquals("1000", option(entrypoint("elasticsearch-certs"), "--owner"), "the Elasticsearch image's user");

        Map<String, String> env = environment("elasticsearch");
        assertEquals("true", env.get("xpack.security.enabled"));
        assertFalse(checkout.text("deploy/compose/compose.yaml").contains("xpack.security.enabled: \"false\""));
        for (String layer : List.of("http", "transport")) {
            String prefix = "xpack.security." + layer + ".ssl.";
            assertEquals("true", env.get(prefix + "enabled"), layer);
            assertEquals("certs/elasticsearch.key", env.get(prefix + "key"), layer);
            assertEquals("certs/elasticsearch.crt", env.get(prefix + "certificate"), layer);
            assertEquals("certs/ca.crt", env.get(prefix + "certificate_authorities"), layer);
        }
        assertEquals(dir + "/elastic-password", env.get("ELASTIC_PASSWORD_FILE"));
        assertFalse(env.containsKey("ELASTIC_PASSWORD"), "a password in the file");

        String health = healthcheck("elasticsearch");
        assertTrue(health.contains("https://localhost:9200/_cluster/health"), health);
        assertFalse(health.contains("http://"), health);
        assertTrue(health.contains("--cacert " + dir + "/ca.crt"), health);
        // $$ is Compose's escape: the shell sees $(cat …) and reads the password when the check runs.
        assertTrue(health.contains("-u \"elastic:$$(cat " + env.get("ELASTIC_PASSWORD_FILE") + ")\""), health);
        assertFalse(health.contains("-k ") || health.contains("--insecure"), health);
    }

    /**
     * query-service logs in over HTTPS as a user of its own (not elastic), made once the node is healthy; the names of
     * the variables are Kubernetes's (query.yaml), the password comes from its own volume through
     * QUARKUS_CONFIG_LOCATIONS and the CA from /certificates, as on ECK.
     */
    @Test
    void queryServiceReachesElasticsearchOverHttpsAsItsOwnUser() {
        Map<String, String> env = environment("query");
        JsonNode kubernetes = checkout.yamlDocuments(checkout.path("deploy/kubernetes/query.yaml")).stream()
                .filter(doc -> doc.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow().path("data");
        assertEquals(kubernetes.path("QUARKUS_ELASTICSEARCH_PROTOCOL").asText(), env.get("QUARKUS_ELASTICSEARCH_PROTOCOL"));
        assertEquals("https", env.get("QUARKUS_ELASTICSEARCH_PROTOCOL"));
        assertEquals(kubernetes.path("USE_SYSTEM_CA_CERTS").asText(), env.get("USE_SYSTEM_CA_CERTS"));
        assertFalse(env.containsKey("QUARKUS_ELASTICSEARCH_PASSWORD"), "a password in the compose file");

        List<String> users = entrypoint("elasticsearch-users");
        assertEquals(option(users, "--user"), env.get("QUARKUS_ELASTICSEARCH_USERNAME"));
        assertEquals("https://" + env.get("QUARKUS_ELASTICSEARCH_HOSTS"), option(users, "--url"));
        assertEquals("service_healthy", service("elasticsearch-users").path("depends_on").path("elasticsearch")
                .path("condition").asText());
        assertEquals("service_completed_successfully", service("query").path("depends_on").path("elasticsearch-users")
                .path("condition").asText(), "query-service starts once its user exists");
        assertEquals(service("elasticsearch").path("image").asText(), service("elasticsearch-users").path("image").asText());
        assertEquals("./elasticsearch-users:ro", mounts("elasticsearch-users").get(users.get(1)));
        assertEquals("elasticsearch-certs:ro", mounts("elasticsearch-users").get(option(users, "--certs")));
        assertEquals(elasticsearchCerts(), option(users, "--certs"));

        // The password file: in a volume elasticsearch-certs writes as --login, mounted read-only where
        // QUARKUS_CONFIG_LOCATIONS looks; the CA: the volume it writes as --ca, at /certificates.
        Path location = Path.of(env.get("QUARKUS_CONFIG_LOCATIONS"));
        assertEquals("elasticsearch.properties", location.getFileName().toString());
        String login = mounts("query").get(location.getParent().toString());
        String ca = mounts("query").get("/certificates");
        Map<String, String> certs = mounts("elasticsearch-certs");
        assertEquals(certs.get(option(entrypoint("elasticsearch-certs"), "--login")) + ":ro", login);
        assertEquals(certs.get(option(entrypoint("elasticsearch-certs"), "--ca")) + ":ro", ca);
        Dockerfile image = Dockerfile.parse(checkout.text("query-service/src/main/docker/Dockerfile.jvm"));
        assertFalse(location.getParent().toString().equals(image.only("WORKDIR") + "/config"),
                "not Kafka's login folder, which kafka-certs rewrites");
        assertEquals(image.only("USER").split(":")[0], option(entrypoint("elasticsearch-certs"), "--login-owner"));
        for (String volume : List.of(login, ca)) {
            String source = volume.substring(0, volume.indexOf(':'));
            services.fields().forEachRemaining(other -> {
                if (!Set.of("query", "elasticsearch-certs").contains(other.getKey())) {
                    assertFalse(other.getValue().path("volumes").toString().contains(source + ":"),
                            other.getKey() + " mounts " + source);
                }
            });
        }
    }

    /**
     * The role gives query-service every index it reads or creates (the alias, the concrete articles indices its
     * template matches, the entity and key indices), the template itself and cluster health, and no more.
     */
    @Test
    void queryServiceRoleCoversEveryIndexItUses() throws IOException {
        List<String> users = entrypoint("elasticsearch-users");
        String[] role = option(users, "--role").split("=", 2);
        assertEquals(option(users, "--user"), role[0]);
        assertEquals("./query-service-role.json:ro", mounts("elasticsearch-users").get(role[1]));
        JsonNode definition = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(checkout.text("deploy/compose/query-service-role.json"));
        Set<String> cluster = new TreeSet<>();
        definition.path("cluster").forEach(p -> cluster.add(p.asText()));
        assertEquals(Set.of("monitor", "manage_index_templates"), cluster);
        List<String> patterns = new ArrayList<>();
        Set<String> privileges = new TreeSet<>();
        definition.path("indices").forEach(entry -> {
            entry.path("names").forEach(n -> patterns.add(n.asText()));
            entry.path("privileges").forEach(p -> privileges.add(p.asText()));
        });
        assertTrue(privileges.containsAll(Set.of("read", "write", "create_index", "manage")), privileges.toString());
        assertFalse(patterns.contains("*"), patterns.toString());

        Set<String> used = new TreeSet<>();
        Pattern constant = Pattern.compile("static final String (?:INDEX|ALIAS) = \"([^\"]+)\"");
        try (var sources = Files.walk(checkout.path("query-service/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = constant.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        checkout.yaml("query-service/src/main/resources/elasticsearch/articles-template.json").path("index_patterns")
                .forEach(p -> used.add(p.asText()));
        assertTrue(used.containsAll(Set.of("articles", "articles-v4", "articles-*", "entities-v1", "api-keys-v1",
                "watches-v1", "watch-matches-v1", "watch-deliveries-v1", "watch-matching-")),
                "the names were read: " + used);
        for (String name : used) {
            assertTrue(patterns.stream().anyMatch(p -> name.matches(p.replace(".", "\\.").replace("*", ".*"))),
                    name + " is outside the role " + patterns);
        }
    }

    /**
     * deploy/compose/elasticsearch-secrets run as elasticsearch-certs runs it, its container paths under a temporary
     * folder, with a stand-in for elasticsearch-certutil (openssl, the same zip layout: the real tool is in the image
     * only): the node's, the healthcheck's and query-service's files fit together, and a second run changes nothing.
     */
    @Test
    void elasticsearchSecretsMakesWhatTheNodeAndQueryServiceRead(@TempDir Path root) throws Exception {
        assumeTrue(onPath("openssl") && onPath("zip") && onPath("unzip"), "needs openssl, zip and unzip");
        Path bin = Files.createDirectories(root.resolve("stand-in"));
        Path certutil = bin.resolve("elasticsearch-certutil");
        Files.writeString(certutil, CERTUTIL_STAND_IN);
        certutil.toFile().setExecutable(true);

        List<String> command = new ArrayList<>(entrypoint("elasticsearch-certs"));
        command.set(1, checkout.path("deploy/compose/elasticsearch-secrets").toString());
        for (String owner : List.of("--owner", "--login-owner")) {
            int at = command.indexOf(owner);
            command.subList(at, at + 2).clear();
        }
        for (int i = 2; i < command.size(); i++) {
            command.set(i, command.get(i).replaceAll("^/", root + "/"));
        }
        command.addAll(List.of("--bin", bin.toString()));
        String first = run(command);
        assertTrue(first.contains("making a CA"), first);
        Files.walk(bin).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Map<Path, byte[]> files = snapshot(root);

        Path certs = Path.of(root + elasticsearchCerts());
        Map<String, String> env = environment("elasticsearch");
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) x509.generateCertificate(Files.newInputStream(certs.resolve("ca.crt")));
        assertTrue(ca.getBasicConstraints() >= 0, "ca.crt is a CA");
        Path configDir = certs.getParent();
        X509Certificate node = (X509Certificate) x509.generateCertificate(Files.newInputStream(
                configDir.resolve(env.get("xpack.security.http.ssl.certificate"))));
        node.verify(ca.getPublicKey());
        Set<String> names = new TreeSet<>();
        node.getSubjectAlternativeNames().forEach(san -> names.add(san.get(1).toString()));
        assertTrue(names.containsAll(Set.of("elasticsearch", "localhost")), "query-service's and the healthcheck's: " + names);
        assertTrue(Files.readString(configDir.resolve(env.get("xpack.security.http.ssl.key"))).contains("PRIVATE KEY"));
        assertTrue(Files.exists(configDir.resolve(env.get("xpack.security.http.ssl.certificate_authorities"))));
        try (var listing = Files.list(certs)) {
            assertEquals(Set.of("ca.crt", "elasticsearch.crt", "elasticsearch.key", "passwords", "elastic-password"),
                    listing.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "the CA's key is not kept");
        }

        Properties passwords = new Properties();
        passwords.load(new StringReader(Files.readString(certs.resolve("passwords"))));
        assertEquals(Set.of("elastic", "query-service"), passwords.stringPropertyNames());
        assertEquals(2, new HashSet<>(passwords.values()).size(), "each its own password");
        passwords.values().forEach(p -> assertTrue(p.toString().matches("[A-Za-z0-9]{16,}"), "password " + p));
        Path elasticPassword = Path.of(root + env.get("ELASTIC_PASSWORD_FILE"));
        assertEquals(passwords.getProperty("elastic"), Files.readString(elasticPassword).strip());
        // The image's entrypoint refuses an ELASTIC_PASSWORD_FILE anyone but its owner may read.
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(elasticPassword)));

        Map<String, String> query = environment("query");
        Path login = Path.of(root + option(entrypoint("elasticsearch-certs"), "--login"))
                .resolve(Path.of(query.get("QUARKUS_CONFIG_LOCATIONS")).getFileName().toString());
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(login)));
        assertEquals(Set.of("quarkus.elasticsearch.password"), properties.stringPropertyNames());
        assertEquals(passwords.getProperty(query.get("QUARKUS_ELASTICSEARCH_USERNAME")),
                properties.getProperty("quarkus.elasticsearch.password"), "query-service's own password");
        Path caDir = Path.of(root + option(entrypoint("elasticsearch-certs"), "--ca"));
        try (var listing = Files.list(caDir)) {
            List<Path> only = listing.toList();
            assertEquals(1, only.size(), "the CA alone in /certificates: " + only);
            assertTrue(only.get(0).toString().endsWith(".crt"), "a .crt, as the image's entrypoint takes it");
            assertEquals(Files.readString(certs.resolve("ca.crt")), Files.readString(only.get(0)));
        }

        // A second run, without the tool: nothing is made again and nothing changes.
        String second = run(command);
        assertFalse(second.contains("making a CA"), second);
        Map<Path, byte[]> again = snapshot(root);
        assertEquals(files.keySet(), again.keySet());
        files.forEach((file, bytes) -> assertTrue(Arrays.equals(bytes, again.get(file)), "changed: " + file));
    }

    /** Stands in for elasticsearch-certutil ca|cert --silent --pem: openssl, and the zip layout the real tool writes. */
    private static final String CERTUTIL_STAND_IN = """
            #!/usr/bin/env bash
            set -euo pipefail
            mode=$1; shift
            while (($#)); do
              case $1 in
                --out) out=$2; shift 2 ;; --ca-cert) cacert=$2; shift 2 ;; --ca-key) cakey=$2; shift 2 ;;
                --name) name=$2; shift 2 ;; --dns) dns=$2; shift 2 ;; --ip) ip=$2; shift 2 ;;
                --silent|--pem) shift ;;
                *) echo "unexpected $1" >&2; exit 64 ;;
              esac
            done
            out=$(realpath -m "$out")
            tmp=$(mktemp -d)
            if [[ $mode == ca ]]; then
              mkdir "$tmp/ca"
              openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/ca/ca.key" -out "$tmp/ca/ca.crt" -days 30 \\
                -subj /CN=stand-in-ca -addext basicConstraints=critical,CA:TRUE
            else
              mkdir "$tmp/$name"
              openssl req -newkey rsa:2048 -nodes -keyout "$tmp/$name/$name.key" -out "$tmp/req.csr" -subj "/CN=$name"
              printf 'subjectAltName=DNS:%s,IP:%s\\n' "${dns//,/,DNS:}" "$ip" >"$tmp/ext"
              openssl x509 -req -in "$tmp/req.csr" -CA "$cacert" -CAkey "$cakey" -CAcreateserial -days 30 \\
                -extfile "$tmp/ext" -out "$tmp/$name/$name.crt"
              rm "$tmp/req.csr" "$tmp/ext"
            fi
            (cd "$tmp" && zip -qr "$out" .)
            rm -rf "$tmp"
            """;

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * deploy/compose/elasticsearch-users against a stand-in for the node's security API (plain HTTP: the CA flag is
     * then unused): it logs in as elastic, puts the role file as it is and the user with that role and its password.
     */
    @Test
    void elasticsearchUsersPutsTheRoleAndTheUserAsElastic(@TempDir Path root) throws Exception {
        assumeTrue(onPath("curl"), "needs curl, as the Elasticsearch image has");
        Path certs = Files.createDirectories(root.resolve("certs"));
        Files.writeString(certs.resolve("passwords"), "elastic=Elastic123\nquery-service=Query456\n");
        Files.writeString(certs.resolve("ca.crt"), "");
        Map<String, String> requests = new LinkedHashMap<>();
        List<String> logins = new ArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            logins.add(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.put(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"created\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            List<String> command = new ArrayList<>(entrypoint("elasticsearch-users"));
            command.set(1, checkout.path("deploy/compose/elasticsearch-users").toString());
            command.set(command.indexOf("--url") + 1, "http://127.0.0.1:" + server.getAddress().getPort());
            command.set(command.indexOf("--certs") + 1, certs.toString());
            int role = command.indexOf("--role") + 1;
            command.set(role, command.get(role).split("=")[0] + "="
                    + checkout.path("deploy/compose/query-service-role.json"));
            run(command);
        } finally {
            server.stop(0);
        }
        String user = option(entrypoint("elasticsearch-users"), "--user");
        assertEquals(List.of("PUT /_security/role/" + user, "PUT /_security/user/" + user),
                new ArrayList<>(requests.keySet()));
        String elastic = "Basic " + Base64.getEncoder().encodeToString("elastic:Elastic123".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(elastic, elastic), logins);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree(checkout.text("deploy/compose/query-service-role.json")),
                json.readTree(requests.get("PUT /_security/role/" + user)));
        JsonNode body = json.readTree(requests.get("PUT /_security/user/" + user));
        assertEquals("Query456", body.path("password").asText());
        assertEquals("[\"" + user + "\"]", body.path("roles").toString());
    }
}
