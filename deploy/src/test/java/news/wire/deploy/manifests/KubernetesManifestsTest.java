package news.wire.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Every manifest under deploy/kubernetes, parsed document by document and checked against each other and against the
 * services they run: ports, probes, resources, settings, topics, autoscaling. No cluster was available where this
 * was written: what the operators (Strimzi, ECK, KEDA) and Kubernetes would do with them is not tested here.
 */
class KubernetesManifestsTest {

    private static final String DIR = "deploy/kubernetes";
    private static final List<String> MODULES = List.of("ingest-service", "enrich-service", "query-service");
    /** Read by the image rather than by Quarkus: the Dockerfile's CMD, and eclipse-temurin's entrypoint. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "USE_SYSTEM_CA_CERTS");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

    private final Checkout checkout = Checkout.find();
    private final JsonNode kustomization = checkout.yaml(DIR + "/kustomization.yaml");
    private final List<JsonNode> documents = documentsOf(kustomization, checkout.path(DIR));

    private List<JsonNode> documentsOf(JsonNode kustomization, Path dir) {
        List<JsonNode> all = new ArrayList<>();
        kustomization.path("resources").forEach(r -> all.addAll(checkout.yamlDocuments(dir.resolve(r.asText()))));
        return all;
    }

    private List<JsonNode> all(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private JsonNode one(String kind, String name) {
        return all(kind).stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private JsonNode only(String kind) {
        List<JsonNode> found = all(kind);
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    private JsonNode container(String module) {
        JsonNode containers = one("Deployment", module).path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), module + " runs one container");
        return containers.get(0);
    }

    /** The container's environment: envFrom ConfigMaps first, then env entries (literal values, or null). */
    private Map<String, JsonNode> environment(String module) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container(module).path("envFrom").forEach(from -> {
            assertTrue(from.has("configMapRef"), module + ": envFrom only from ConfigMaps");
            one("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
        });
        container(module).path("env").forEach(e -> env.put(e.path("name").asText(),
                e.has("value") ? e.path("value") : e.path("valueFrom")));
        return env;
    }

    private String value(String module, String variable) {
        JsonNode v = environment(module).get(variable);
        assertNotNull(v, module + " sets no " + variable);
        assertTrue(v.isValueNode(), module + ": " + variable + " is not a literal");
        return v.asText();
    }

    private int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port);
    }

    private String namespace() {
        return kustomization.path("namespace").asText();
    }

    private JsonNode topic(String topicName) {
        return all("KafkaTopic").stream().filter(t -> t.path("spec").path("topicName").asText(name(t)).equals(topicName))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + topicName));
    }

    private int brokers() {
        return all("KafkaNodePool").stream()
                .filter(p -> p.path("spec").path("roles").toString().contains("\"broker\""))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
    }

    /** The bootstrap address of Kafka's one listener, which must take SCRAM-SHA-512 over TLS and nothing less. */
    private String kafkaBootstrap() {
        JsonNode kafka = only("Kafka");
        JsonNode listeners = kafka.path("spec").path("kafka").path("listeners");
        assertEquals(1, listeners.size(), "one listener, so no plaintext one beside it");
        JsonNode listener = listeners.get(0);
        assertEquals("internal", listener.path("type").asText());
        assertTrue(listener.path("tls").asBoolean(), "TLS on the listener");
        assertEquals("scram-sha-512", listener.path("authentication").path("type").asText());
        return name(kafka) + "-kafka-bootstrap:" + listener.path("port").asInt();
    }

    /** Memory in bytes, CPU in millicores (a plain CPU number counts cores). */
    static long quantity(String resource, String q) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|Ki|Mi|Gi|k|M|G)?").matcher(q);
        assertTrue(m.matches(), "quantity " + q);
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return (long) switch (unit) {
            case "m" -> n;
            case "Ki" -> n * 1024;
            case "Mi" -> n * 1024 * 1024;
            case "Gi" -> n * 1024 * 1024 * 1024;
            case "k" -> n * 1e3;
            case "M" -> n * 1e6;
            case "G" -> n * 1e9;
            default -> resource.equals("cpu") ? n * 1000 : n;
        };
    }

    // ------------------------------------------------------------------------------------------------ structure

    @Test
    void kustomizationsListEveryManifestOfTheirFolder() throws IOException {
        for (String dir : List.of(DIR, DIR + "/monitoring")) {
            Set<String> files = new TreeSet<>();
            try (Stream<Path> list = Files.list(checkout.path(dir))) {
                list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                        .forEach(files::add);
            }
            Set<String> listed = new TreeSet<>();
            checkout.yaml(dir + "/kustomization.yaml").path("resources").forEach(r -> listed.add(r.asText()));
            assertEquals(files, listed, dir);
        }
    }

    @Test
    void everyDocumentIsANamedObjectWhoseNamespaceIsSetInOnePlace() {
        assertEquals("wire-pipeline", namespace());
        assertEquals(namespace(), name(only("Namespace")));
        for (JsonNode doc : documents) {
            assertFalse(doc.path("apiVersion").asText().isBlank(), doc.toString());
            assertFalse(doc.path("kind").asText().isBlank(), doc.toString());
            assertFalse(name(doc).isBlank(), doc.toString());
            assertFalse(doc.path("metadata").has("namespace"), name(doc) + ": the kustomization sets the namespace");
        }
    }

    // ------------------------------------------------------------------------------------------------ the services

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void probesAskTheServiceOnItsOwnPortAndTheServiceRoutesThere(String module) {
        int port = ServiceSettings.of(checkout, module).httpPort();
        JsonNode deployment = one("Deployment", module);
        JsonNode container = container(module);
        assertEquals(port, containerPort(container, TextNode.valueOf("http")), module);
        Map<String, String> paths = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        paths.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), module + " " + probe);
            assertEquals(port, containerPort(container, get.path("port")), module + " " + probe);
        });

        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        deployment.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e ->
                assertEquals(e.getValue(), labels.path(e.getKey()), module + " selector " + e.getKey()));
        JsonNode service = one("Service", module).path("spec");
        service.path("selector").fields().forEachRemaining(e ->
                assertEquals(e.getValue(), labels.path(e.getKey()), module + " Service selector " + e.getKey()));
        assertEquals(port, service.path("ports").path(0).path("port").asInt(), module + " Service port");
        assertEquals(port, containerPort(container, service.path("ports").path(0).path("targetPort")), module);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void resourcesAreRequestedAndLimitedWithRoomBesideTheHeap(String module) {
        JsonNode resources = container(module).path("resources");
        for (String kind : List.of("cpu", "memory")) {
            String request = resources.path("requests").path(kind).asText(null);
            String limit = resources.path("limits").path(kind).asText(null);
            assertNotNull(request, module + " requests no " + kind);
            assertNotNull(limit, module + " limits no " + kind);
            assertTrue(quantity(kind, request) <= quantity(kind, limit), module + " " + kind + " request above limit");
        }
        Matcher xmx = XMX.matcher(value(module, "JAVA_OPTS"));
        assertTrue(xmx.find(), module + " JAVA_OPTS without -Xmx");
        long heap = Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1) * 1024 * 1024;
        // Metaspace, code cache, thread stacks and direct buffers take 150-250 MiB beside the heap in these services.
        long limit = quantity("memory", resources.path("limits").path("memory").asText());
        assertTrue(limit >= heap + quantity("memory", "200Mi"), module + ": memory limit " + limit + " leaves too little beside " + heap);
    }

    /** The manifests spell out the image's own JAVA_OPTS, so the heap beside the memory limit is the one that runs. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void javaOptionsAreTheImagesDefaults(String module) {
        Dockerfile image = Dockerfile.parse(checkout.text(module + "/src/main/docker/Dockerfile.jvm"));
        assertEquals(image.environment().get("JAVA_OPTS"), value(module, "JAVA_OPTS"), module);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void podsAreLockedDown(String module) {
        JsonNode pod = one("Deployment", module).path("spec").path("template").path("spec");
        // Service links would put <SERVICE>_PORT variables into the configuration Quarkus reads.
        assertFalse(pod.path("enableServiceLinks").asBoolean(true), module + " enableServiceLinks");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), module + " runAsNonRoot");
        JsonNode security = container(module).path("securityContext");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), module);
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), module);
        // With a read-only root, /tmp must be a volume: Vert.x's file cache and the trust store entrypoint write there.
        String tmpVolume = null;
        for (JsonNode mount : container(module).path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertNotNull(tmpVolume, module + " mounts nothing at /tmp");
        boolean emptyDir = false;
        for (JsonNode volume : pod.path("volumes")) {
            emptyDir |= volume.path("name").asText().equals(tmpVolume) && volume.has("emptyDir");
        }
        assertTrue(emptyDir, module + ": /tmp is not an emptyDir");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void environmentSetsOnlySettingsTheServiceReads(String module) {
        ServiceSettings settings = ServiceSettings.of(checkout, module);
        for (String variable : environment(module).keySet()) {
            // KAFKA_* is Kafka client configuration: each service's KafkaClients hands all of it to every client.
            assertTrue(settings.reads(variable) || IMAGE_VARIABLES.contains(variable) || variable.startsWith("KAFKA_"),
                    module + " reads nothing from " + variable);
        }
    }

    @Test
    void javaOptionsAndCaVariablesAreReadByTheImage() {
        for (String module : MODULES) {
            String cmd = Dockerfile.parse(checkout.text(module + "/src/main/docker/Dockerfile.jvm")).only("CMD");
            assertTrue(cmd.contains("$JAVA_OPTS ") && cmd.contains("$JAVA_OPTS_APPEND "), module + " CMD " + cmd);
        }
        // USE_SYSTEM_CA_CERTS works with certificates under /certificates (eclipse-temurin's entrypoint).
        boolean mounted = false;
        for (JsonNode mount : container("query-service").path("volumeMounts")) {
            mounted |= mount.path("mountPath").asText().equals("/certificates");
        }
        assertEquals(environment("query-service").containsKey("USE_SYSTEM_CA_CERTS"), mounted);
    }

    /** Every ConfigMap and Secret a pod reads exists, or is written by an operator under the name given here. */
    @Test
    void configMapsAndSecretsThatPodsReadExist() {
        Set<String> exampleKeys = new HashSet<>();
        checkout.text(DIR + "/secrets.env.example").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> exampleKeys.add(l.split("=", 2)[0]));
        Set<String> generated = new HashSet<>();
        kustomization.path("secretGenerator").forEach(g -> generated.add(g.path("name").asText()));
        String elasticsearch = name(only("Elasticsearch"));
        Map<String, Set<String>> operatorSecrets = new HashMap<>(Map.of(
                elasticsearch + "-es-elastic-user", Set.of("elastic"),
                elasticsearch + "-es-http-certs-public", Set.of("ca.crt", "tls.crt"),
                name(only("Kafka")) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        // Strimzi's user operator writes a Secret of each SCRAM user's name.
        all("KafkaUser").forEach(user -> operatorSecrets.put(name(user), Set.of("password", "sasl.jaas.config")));

        List<JsonNode> pods = new ArrayList<>();
        all("Deployment").forEach(d -> pods.add(d.path("spec").path("template").path("spec")));
        all("StatefulSet").forEach(d -> pods.add(d.path("spec").path("template").path("spec")));
        int checked = 0;
        for (JsonNode pod : pods) {
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode env : container.path("env")) {
                    JsonNode secret = env.path("valueFrom").path("secretKeyRef");
                    if (!secret.isMissingNode()) {
                        String name = secret.path("name").asText();
                        String key = secret.path("key").asText();
                        if (generated.contains(name)) {
                            assertTrue(exampleKeys.contains(key), name + " from secrets.env lacks " + key);
                        } else {
                            assertTrue(operatorSecrets.getOrDefault(name, Set.of()).contains(key), name + "/" + key);
                        }
                        checked++;
                    }
                    JsonNode map = env.path("valueFrom").path("configMapKeyRef");
                    if (!map.isMissingNode()) {
                        assertTrue(one("ConfigMap", map.path("name").asText()).path("data").has(map.path("key").asText()));
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    String name = volume.path("secret").path("secretName").asText();
                    assertTrue(operatorSecrets.containsKey(name) || generated.contains(name), name);
                    volume.path("secret").path("items").forEach(item ->
                            assertTrue(operatorSecrets.get(name).contains(item.path("key").asText()), item.toString()));
                }
            }
        }
        assertTrue(checked >= 4, "secret references checked: " + checked);
    }

    /** Each service logs in to Kafka as its own user, over TLS trusting the cluster CA; so does KEDA. */
    /**
     * In a cluster every API needs its keys: intake, search with the dashboard's data, and the preview. Each admin
     * token comes from the generated Secret, optional (without it, key administration stays closed), and is named in
     * the example secrets file.
     */
    @Test
    void apiKeysAreOnEverywhereWithAdminTokensFromTheSecret() {
        Set<String> exampleKeys = new HashSet<>();
        checkout.text(DIR + "/secrets.env.example").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> exampleKeys.add(line.split("=", 2)[0]));
        for (String module : MODULES) {
            String prefix = module.substring(0, module.indexOf('-')).toUpperCase(java.util.Locale.ROOT);
            assertEquals("true", value(module, prefix + "_AUTH_ENABLED"), module);
            JsonNode token = environment(module).get(prefix + "_AUTH_ADMIN_TOKEN");
            assertTrue(token != null, module + " is given no admin token");
            JsonNode secret = token.path("secretKeyRef");
            assertEquals("wire-secrets", secret.path("name").asText(), module);
            assertEquals(prefix + "_AUTH_ADMIN_TOKEN", secret.path("key").asText(), module);
            assertTrue(secret.path("optional").asBoolean(), module + ": without a token the service still starts");
            assertTrue(exampleKeys.contains(prefix + "_AUTH_ADMIN_TOKEN"), "secrets.env.example lacks " + prefix);
        }
    }

    @Test
    void kafkaIsReachedOverSaslSslEachServiceWithItsOwnLogin() {
        String cluster = name(only("Kafka"));
        Set<String> users = new HashSet<>();
        for (JsonNode user : all("KafkaUser")) {
            assertEquals(cluster, user.path("metadata").path("labels").path("strimzi.io/cluster").asText(), name(user));
            assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText(), name(user));
            users.add(name(user));
        }
        assertTrue(only("Kafka").path("spec").path("entityOperator").has("userOperator"), "Strimzi's user operator");
        for (String module : MODULES) {
            assertEquals("SASL_SSL", value(module, "KAFKA_SECURITY_PROTOCOL"), module);
            assertEquals("SCRAM-SHA-512", value(module, "KAFKA_SASL_MECHANISM"), module);
            assertEquals("PEM", value(module, "KAFKA_SSL_TRUSTSTORE_TYPE"), module);
            JsonNode login = environment(module).get("KAFKA_SASL_JAAS_CONFIG").path("secretKeyRef");
            assertEquals(module, login.path("name").asText(), module + " logs in as a user of its own");
            assertTrue(users.contains(module), "a KafkaUser " + module);
            assertEquals("sasl.jaas.config", login.path("key").asText(), module);
            JsonNode ca = environment(module).get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").path("secretKeyRef");
            assertEquals(cluster + "-cluster-ca-cert", ca.path("name").asText(), module);
            assertEquals("ca.crt", ca.path("key").asText(), module);
        }
        for (JsonNode scaled : all("ScaledObject")) {
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (!trigger.path("type").asText().equals("kafka")) {
                    continue;
                }
                assertEquals("scram_sha512", trigger.path("metadata").path("sasl").asText(), name(scaled));
                assertEquals("enable", trigger.path("metadata").path("tls").asText(), name(scaled));
                JsonNode auth = one("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText());
                Map<String, JsonNode> parameters = new HashMap<>();
                auth.path("spec").path("secretTargetRef").forEach(p -> parameters.put(p.path("parameter").asText(), p));
                assertEquals(Set.of("username", "password", "ca"), parameters.keySet());
                String user = generatedLiteral(parameters.get("username"));
                assertTrue(users.contains(user), "KEDA's user " + user + " is a KafkaUser");
                assertEquals(user, parameters.get("password").path("name").asText(), "KEDA's password is its user's");
                assertEquals(cluster + "-cluster-ca-cert", parameters.get("ca").path("name").asText());
            }
        }
    }

    /** The value a secretTargetRef reads from a Secret the kustomization generates, named as written. */
    private String generatedLiteral(JsonNode reference) {
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            if (generator.path("name").asText().equals(reference.path("name").asText())) {
                assertTrue(generator.path("options").path("disableNameSuffixHash").asBoolean(),
                        "kustomize renames a generated Secret, and not in a KEDA resource");
                for (JsonNode literal : generator.path("literals")) {
                    String[] kv = literal.asText().split("=", 2);
                    if (kv[0].equals(reference.path("key").asText())) {
                        return kv[1];
                    }
                }
            }
        }
        throw new AssertionError("no generated Secret gives " + reference);
    }

    @Test
    void connectionSettingsNameTheClusterServices() {
        String bootstrap = kafkaBootstrap();
        for (String module : MODULES) {
            assertEquals(bootstrap, value(module, "KAFKA_BOOTSTRAP_SERVERS"), module);
        }

        String elasticsearch = name(only("Elasticsearch"));
        assertEquals(elasticsearch + "-es-http:9200", value("query-service", "QUARKUS_ELASTICSEARCH_HOSTS"));
        boolean tlsOff = only("Elasticsearch").path("spec").path("http").path("tls").path("selfSignedCertificate")
                .path("disabled").asBoolean(false);
        assertEquals(tlsOff ? "http" : "https", value("query-service", "QUARKUS_ELASTICSEARCH_PROTOCOL"),
                "ECK serves HTTPS unless its certificate is disabled");

        JsonNode postgres = one("StatefulSet", "postgres");
        JsonNode postgresService = one("Service", postgres.path("spec").path("serviceName").asText());
        Map<String, String> postgresEnv = new LinkedHashMap<>();
        postgres.path("spec").path("template").path("spec").path("containers").path(0).path("env")
                .forEach(e -> postgresEnv.put(e.path("name").asText(), e.path("value").asText(null)));
        assertEquals("jdbc:postgresql://" + name(postgresService) + ":" + postgresService.path("spec").path("ports")
                .path(0).path("port").asInt() + "/" + postgresEnv.get("POSTGRES_DB"),
                value("ingest-service", "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(postgresEnv.get("POSTGRES_USER"), value("ingest-service", "QUARKUS_DATASOURCE_USERNAME"));

        for (String other : List.of("ingest-service", "enrich-service")) {
            int port = ServiceSettings.of(checkout, other).httpPort();
            String variable = "QUERY_DASHBOARD_" + other.substring(0, other.indexOf('-')).toUpperCase() + "_METRICS";
            assertEquals("http://" + other + ":" + port + "/q/metrics", value("query-service", variable));
            one("Service", other);
        }
    }

    @Test
    void enrichInstancesGetUniqueTransactionalIds() {
        JsonNode id = environment("enrich-service").get("ENRICH_STREAM_INSTANCE_ID");
        // Unset (host name and port: the pod name) or the pod name; one literal id would be shared by every pod.
        if (id != null) {
            assertEquals("metadata.name", id.path("fieldRef").path("fieldPath").asText(), id.toString());
        }
        assertEquals("1", value("enrich-service", "ENRICH_STREAM_WORKERS"), "workers per pod are fixed");
    }

    /**
     * The relays claim outbox rows, so ingest runs as several instances (ScaleOutDrillTest); a rollout replaces one pod
     * at a time and never leaves none accepting copy. Its count is fixed: intake is cheap, and no lag measures it.
     */
    @Test
    void ingestRunsAsSeveralInstancesRolledOneAtATime() {
        JsonNode spec = one("Deployment", "ingest-service").path("spec");
        assertTrue(spec.path("replicas").asInt() >= 2, "two instances or more");
        assertEquals("RollingUpdate", spec.path("strategy").path("type").asText());
        assertEquals(0, spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1));
        assertTrue(all("PodDisruptionBudget").stream().anyMatch(b -> name(b).equals("ingest-service")));
        assertTrue(all("ScaledObject").stream().noneMatch(s ->
                s.path("spec").path("scaleTargetRef").path("name").asText().equals("ingest-service")));
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    @Test
    void topicsAreTheOnesTheServicesUseAndSurviveOneBrokerLost() {
        ServiceSettings ingest = ServiceSettings.of(checkout, "ingest-service");
        ServiceSettings enrich = ServiceSettings.of(checkout, "enrich-service");
        ServiceSettings query = ServiceSettings.of(checkout, "query-service");
        Set<String> used = new TreeSet<>(List.of(ingest.property("ingest.topic.name").orElseThrow(),
                enrich.property("enrich.topics.raw").orElseThrow(), enrich.property("enrich.topics.enriched").orElseThrow(),
                enrich.property("enrich.topics.dead-letter").orElseThrow(), enrich.property("enrich.topics.api-keys").orElseThrow(),
                query.property("query.indexer.topic").orElseThrow()));
        Set<String> declared = new TreeSet<>();
        String cluster = name(only("Kafka"));
        int brokers = brokers();
        for (JsonNode topic : all("KafkaTopic")) {
            declared.add(topic.path("spec").path("topicName").asText(name(topic)));
            assertEquals(cluster, topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), name(topic));
            int replicas = topic.path("spec").path("replicas").asInt();
            int minInSync = topic.path("spec").path("config").path("min.insync.replicas").asInt();
            assertTrue(replicas <= brokers, name(topic) + ": more replicas than brokers");
            assertTrue(minInSync >= 2 && minInSync < replicas,
                    name(topic) + ": acks=all writes must reach two replicas and survive one lost");
        }
        assertEquals(used, declared);
    }

    /**
     * The KafkaTopics are deploy/topics.properties as create-topics would make it on this cluster: the same topics,
     * partitions, replicas and every config, and nothing besides. No service is given a topic shape of its own.
     */
    @Test
    void kafkaTopicsAreTheDeclaredTopicsSizedForTheCluster() {
        TopicDeclarations declarations = TopicDeclarations.of(checkout);
        Set<String> made = new TreeSet<>();
        all("KafkaTopic").forEach(t -> made.add(t.path("spec").path("topicName").asText(name(t))));
        assertEquals(new TreeSet<>(declarations.names()), made, "KafkaTopics against " + TopicDeclarations.FILE);
        for (String topicName : declarations.names()) {
            TopicDeclarations.Topic declared = declarations.sizedFor(topicName, brokers());
            JsonNode spec = topic(topicName).path("spec");
            assertEquals(declared.partitions(), spec.path("partitions").asInt(), topicName + " partitions");
            assertEquals(declared.replicas(), spec.path("replicas").asInt(), topicName + " replicas");
            Map<String, String> configs = new TreeMap<>();
            spec.path("config").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
            assertEquals(declared.configs(), configs, topicName + " config");
        }
        for (String module : MODULES) {
            for (String variable : environment(module).keySet()) {
                assertFalse(variable.endsWith("_PARTITIONS") || variable.endsWith("_REPLICATION_FACTOR"),
                        module + " is given a topic shape: " + variable);
            }
        }
    }

    /** topics.yaml is what create-topics writes for this cluster today: regenerated after every change of the file. */
    @Test
    void topicsYamlIsGeneratedFromTheDeclaration() throws Exception {
        Process process = new ProcessBuilder("bash", "deploy/create-topics", "--strimzi", name(only("Kafka")),
                "--brokers", Integer.toString(brokers())).directory(checkout.root().toFile()).start();
        String generated = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "create-topics still running");
        assertEquals(0, process.exitValue(), errors);
        assertTrue(kustomization.path("resources").toString().contains("\"topics.yaml\""), "topics.yaml is applied");
        assertEquals(generated, checkout.text(DIR + "/topics.yaml"),
                "deploy/kubernetes/topics.yaml is stale: run deploy/create-topics --strimzi " + name(only("Kafka"))
                        + " --brokers " + brokers() + " > deploy/kubernetes/topics.yaml");
    }

    /**
     * articles.raw takes the largest message ingest's relay may send: a larger one would be refused by the broker and
     * the relay, which publishes in order, would stop at it. enrich has no such setting: it reads the limit from its
     * output topics.
     */
    @Test
    void rawTopicTakesTheLargestMessageIngestPublishes() {
        long bytes = ServiceSettings.memoryBytes(effective("ingest-service", "ingest.topic.max-message-size"));
        String raw = ServiceSettings.of(checkout, "ingest-service").property("ingest.topic.name").orElseThrow();
        JsonNode declared = topic(raw).path("spec").path("config").path("max.message.bytes");
        assertTrue(declared.canConvertToLong(), raw + " declares no max.message.bytes");
        assertTrue(bytes <= declared.asLong(), "ingest.topic.max-message-size " + bytes + " exceeds " + declared);
    }

    /** What the service runs with: its Deployment's environment if that sets it, else application.properties. */
    private String effective(String module, String property) {
        JsonNode set = environment(module).get(ServiceSettings.environmentName(property));
        if (set != null) {
            assertTrue(set.isValueNode(), module + ": " + property + " is not a literal");
            return set.asText();
        }
        return ServiceSettings.of(checkout, module).property(property)
                .orElseThrow(() -> new AssertionError(module + " has no " + property + " in application.properties"));
    }

    @Test
    void kafkaKeepsAcknowledgedWritesThroughTheLossOfOneNode() {
        JsonNode kafka = only("Kafka").path("spec").path("kafka");
        assertEquals(checkout.pomProperty("kafka.version"), kafka.path("version").asText(), "the clients' version");
        for (JsonNode pool : all("KafkaNodePool")) {
            assertEquals(name(only("Kafka")), pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        }
        int controllers = all("KafkaNodePool").stream()
                .filter(p -> p.path("spec").path("roles").toString().contains("\"controller\""))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        assertTrue(controllers >= 3 && controllers % 2 == 1, "a controller quorum that outlives one loss: " + controllers);
        JsonNode config = kafka.path("config");
        int brokers = brokers();
        assertTrue(brokers >= 3, "brokers " + brokers);
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertTrue(config.path("default.replication.factor").asInt() <= brokers);
        assertTrue(config.path("transaction.state.log.replication.factor").asInt() <= brokers);
        assertTrue(config.path("transaction.state.log.min.isr").asInt()
                < config.path("transaction.state.log.replication.factor").asInt(), "enrich's transactions survive one loss");
        assertTrue(config.path("offsets.topic.replication.factor").asInt() <= brokers);
    }

    // ------------------------------------------------------------------------------------------------ scaling

    /** The consumer group each autoscaled Deployment's pods join, from the services' settings and code. */
    private String consumerGroup(String module) {
        if (module.equals("enrich-service")) {
            JsonNode set = environment(module).get("ENRICH_GROUP_ID");
            return set != null ? set.asText()
                    : ServiceSettings.of(checkout, module).property("enrich.group-id").orElseThrow();
        }
        // query.indexer.group-id + "-" + the index version (ArticleIndexer.groupId()).
        Matcher index = Pattern.compile("String INDEX = \"([^\"]+)\"").matcher(checkout.text(
                "query-service/src/main/java/news/wire/query/indexing/ArticleIndex.java"));
        assertTrue(index.find(), "ArticleIndex.INDEX");
        assertTrue(checkout.text("query-service/src/main/java/news/wire/query/indexing/ArticleIndexer.java")
                .contains("return config.groupId() + \"-\" + ArticleIndex.INDEX;"), "how the indexer names its group");
        JsonNode set = environment(module).get("QUERY_INDEXER_GROUP_ID");
        String prefix = set != null ? set.asText()
                : ServiceSettings.of(checkout, module).property("query.indexer.group-id").orElseThrow();
        return prefix + "-" + index.group(1);
    }

    /** Where each autoscaled service's consumer starts without a committed offset, from its source. */
    private String offsetReset(String module) {
        String source = module.equals("enrich-service")
                ? "enrich-service/src/main/java/news/wire/enrich/kafka/KafkaClients.java"
                : "query-service/src/main/java/news/wire/query/kafka/KafkaClients.java";
        Matcher m = Pattern.compile("AUTO_OFFSET_RESET_CONFIG, \"(\\w+)\"").matcher(checkout.text(source));
        assertTrue(m.find(), source);
        return m.group(1);
    }

    @Test
    void autoscalingFollowsConsumerLagWithinThePartitions() {
        Map<String, JsonNode> byTarget = new LinkedHashMap<>();
        all("ScaledObject").forEach(s -> byTarget.put(s.path("spec").path("scaleTargetRef").path("name").asText(), s));
        assertEquals(Set.of("enrich-service", "query-service"), byTarget.keySet());
        String bootstrap = kafkaBootstrap();
        String fullBootstrap = bootstrap.replace(":", "." + namespace() + ".svc:");

        byTarget.forEach((module, scaled) -> {
            JsonNode deployment = one("Deployment", module);
            assertEquals("Deployment", scaled.path("spec").path("scaleTargetRef").path("kind").asText("Deployment"));
            assertFalse(deployment.path("spec").has("replicas"),
                    module + ": a replicas field would undo the autoscaler's count on every apply");
            JsonNode spec = scaled.path("spec");
            int min = spec.path("minReplicaCount").asInt(0);
            int max = spec.path("maxReplicaCount").asInt();
            assertTrue(min >= 1 && min <= max, module + " min " + min + " max " + max);

            JsonNode kafka = null;
            for (JsonNode trigger : spec.path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    kafka = trigger.path("metadata");
                }
            }
            assertNotNull(kafka, module + " scales on Kafka lag");
            assertEquals(fullBootstrap, kafka.path("bootstrapServers").asText(),
                    module + ": KEDA's operator runs in its own namespace");
            assertEquals(consumerGroup(module), kafka.path("consumerGroup").asText(), module);
            assertTrue(Integer.parseInt(kafka.path("lagThreshold").asText()) > 0, module);
            assertEquals(offsetReset(module), kafka.path("offsetResetPolicy").asText(), module);

            String topicName = kafka.path("topic").asText();
            String consumed = module.equals("enrich-service")
                    ? ServiceSettings.of(checkout, module).property("enrich.topics.raw").orElseThrow()
                    : ServiceSettings.of(checkout, module).property("query.indexer.topic").orElseThrow();
            assertEquals(consumed, topicName, module);
            int partitions = topic(topicName).path("spec").path("partitions").asInt();
            // Each pod is as many group members as it runs consumers: enrich's workers, query's one indexer.
            int perPod = module.equals("enrich-service") ? Integer.parseInt(value(module, "ENRICH_STREAM_WORKERS")) : 1;
            assertTrue(max * perPod <= partitions,
                    module + ": " + max + " pods x " + perPod + " consumers exceed " + partitions + " partitions");
        });
        // enrich is the slow stage: it may grow to one member per partition.
        int rawPartitions = topic("articles.raw").path("spec").path("partitions").asInt();
        assertEquals(rawPartitions, byTarget.get("enrich-service").path("spec").path("maxReplicaCount").asInt());
    }

    @Test
    void disruptionBudgetsProtectScaledServicesWithoutBlockingDrains() {
        for (JsonNode budget : all("PodDisruptionBudget")) {
            JsonNode selector = budget.path("spec").path("selector").path("matchLabels");
            JsonNode target = all("Deployment").stream().filter(d -> {
                JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
                List<Boolean> matches = new ArrayList<>();
                selector.fields().forEachRemaining(e -> matches.add(e.getValue().equals(labels.path(e.getKey()))));
                return !matches.isEmpty() && !matches.contains(false);
            }).findFirst().orElseThrow(() -> new AssertionError(name(budget) + " selects no Deployment's pods"));
            int minPods = all("ScaledObject").stream()
                    .filter(s -> s.path("spec").path("scaleTargetRef").path("name").asText().equals(name(target)))
                    .mapToInt(s -> s.path("spec").path("minReplicaCount").asInt(1)).findFirst()
                    .orElse(target.path("spec").path("replicas").asInt(1));
            JsonNode spec = budget.path("spec");
            if (spec.has("maxUnavailable")) {
                assertTrue(spec.path("maxUnavailable").asInt() >= 1, name(budget));
            } else {
                assertTrue(spec.path("minAvailable").asInt() < minPods, name(budget) + " would forbid every eviction");
            }
        }
        assertTrue(all("PodDisruptionBudget").size() >= 3, "ingest, enrich and query have budgets");
    }

    // ------------------------------------------------------------------------------------------------ stores

    @Test
    void elasticsearchIsTheOfficialDistributionInAClusterThatKeepsAMajority() {
        JsonNode elasticsearch = only("Elasticsearch");
        assertEquals(checkout.pomProperty("elasticsearch.server.version"), elasticsearch.path("spec").path("version").asText());
        int nodes = 0;
        for (JsonNode set : elasticsearch.path("spec").path("nodeSets")) {
            nodes += set.path("count").asInt();
            assertTrue(set.path("podTemplate").toString().contains("\"memory\""), "memory set for " + set.path("name"));
        }
        // Two nodes at least, as asked, and three so that a master can still be elected with one node down.
        assertTrue(nodes >= 3, "nodes " + nodes);
        String definition = elasticsearch.toString();
        assertFalse(definition.contains("wire-analysis") || definition.contains("elasticsearch-plugin"),
                "our plugin clashes with the official image's analysis-common: " + OfficialElasticsearch.pluginClashes(checkout));
    }

    /** query-service creates its index on ECK's nodes: the template asks only for analysis the official image has. */
    @Test
    void indexTemplateUsesOnlyAnalysisTheOfficialImageHas() {
        OfficialElasticsearch.Analysis needs = OfficialElasticsearch.templateNeeds(checkout);
        assertEquals(Set.of(), needs.missingFrom(OfficialElasticsearch.officialImage()),
                "ECK's nodes would refuse the index template");
        assertTrue(needs.tokenFilters().containsAll(Set.of("stemmer", "stop")),
                "the template's own filters were read as their types: " + needs);
    }

    /**
     * The paragraph on analysis at the head of elasticsearch.yaml says why our plugin is not installed (every name it
     * shares with analysis-common) and quotes no analysis name the official image lacks.
     */
    @Test
    void elasticsearchCommentNamesWhyOurPluginStaysOff() {
        StringBuilder header = new StringBuilder();
        for (String line : checkout.text(DIR + "/elasticsearch.yaml").split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        String paragraph = Stream.of(header.toString().split("(?m)^#[ \\t]*\n"))
                .filter(p -> p.contains("analysis-common")).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph on analysis-common in " + header));
        Set<String> quoted = OfficialElasticsearch.quotedNames(paragraph);
        Set<String> clashes = OfficialElasticsearch.pluginClashes(checkout);
        assertTrue(clashes.contains("english"), "the plugin's names were read: " + clashes);
        assertTrue(quoted.containsAll(clashes), "the comment names " + quoted + ", the plugin shares " + clashes);
        assertEquals(Set.of(), OfficialElasticsearch.notOnTheOfficialImage(quoted), paragraph);
    }

    @Test
    void postgresKeepsItsDataOnAClaim() {
        JsonNode postgres = one("StatefulSet", "postgres");
        JsonNode container = postgres.path("spec").path("template").path("spec").path("containers").path(0);
        assertEquals("postgres:15", container.path("image").asText());
        String claim = postgres.path("spec").path("volumeClaimTemplates").path(0).path("metadata").path("name").asText();
        String dataMount = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(claim)) {
                dataMount = mount.path("mountPath").asText();
            }
        }
        assertNotNull(dataMount, "the claim is mounted");
        String pgdata = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("PGDATA")) {
                pgdata = env.path("value").asText();
            }
        }
        assertNotNull(pgdata);
        assertTrue(pgdata.startsWith(dataMount + "/"), "PGDATA in a subdirectory of the claim (lost+found): " + pgdata);
        assertTrue(container.has("readinessProbe") && container.has("livenessProbe") && container.has("resources"));
    }

    // ------------------------------------------------------------------------------------------------ images, monitoring

    @Test
    void imagesAreTheComposeImagesAtTheKustomizationsTag() {
        JsonNode compose = checkout.yaml("deploy/compose/compose.yaml").path("services");
        Map<String, String> tags = new LinkedHashMap<>();
        kustomization.path("images").forEach(i -> tags.put(i.path("name").asText(), i.path("newTag").asText()));
        for (String module : MODULES) {
            String image = container(module).path("image").asText();
            String repository = image.substring(0, image.lastIndexOf(':'));
            assertEquals("wire-pipeline/" + module, repository, module);
            assertTrue(tags.containsKey(repository), "kustomization sets no tag for " + repository);
            assertEquals(tags.get(repository), image.substring(image.lastIndexOf(':') + 1), module);
            String composeImage = compose.path(module.substring(0, module.indexOf('-'))).path("image").asText();
            assertTrue(composeImage.startsWith(repository + ":"), module + " compose image " + composeImage);
        }
    }

    @Test
    void podMonitorGivesTheJobNamesTheAlertRulesUse() {
        JsonNode monitoring = checkout.yaml(DIR + "/monitoring/kustomization.yaml");
        List<JsonNode> monitors = documentsOf(monitoring, checkout.path(DIR + "/monitoring"));
        assertEquals(1, monitors.size());
        JsonNode spec = monitors.get(0).path("spec");
        String jobLabel = spec.path("jobLabel").asText();
        Set<String> jobs = new TreeSet<>();
        checkout.yaml("deploy/monitoring/prometheus/prometheus.yml").path("scrape_configs")
                .forEach(j -> jobs.add(j.path("job_name").asText()));
        Set<String> selected = new TreeSet<>();
        spec.path("selector").path("matchExpressions").path(0).path("values").forEach(v -> selected.add(v.asText()));
        Set<String> labelled = new TreeSet<>();
        for (String module : MODULES) {
            labelled.add(one("Deployment", module).path("spec").path("template").path("metadata").path("labels")
                    .path(jobLabel).asText());
            assertEquals(ServiceSettings.of(checkout, module).httpPort(),
                    containerPort(container(module), spec.path("podMetricsEndpoints").path(0).path("port")));
        }
        assertEquals(jobs, labelled, "job label values on the pods");
        assertEquals(jobs, selected);
        assertEquals("/q/metrics", spec.path("podMetricsEndpoints").path(0).path("path").asText());
    }

    /** kustomize (built into kubectl) renders the whole folder with the example secrets, offline. */
    @Test
    void kustomizeRendersTheFolderWithTheExampleSecrets(@TempDir Path copy) throws Exception {
        Path source = checkout.path(DIR);
        try (Stream<Path> files = Files.list(source)) {
            // A real secrets.env, if one lies there, stays where it is: the example's values are rendered instead.
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("secrets.env")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.copy(source.resolve("secrets.env.example"), copy.resolve("secrets.env"));
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", copy.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not installed");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize still running");
        assertEquals(0, process.exitValue(), errors);

        List<JsonNode> rendered = checkout.yamlDocuments(output);
        assertEquals(documents.size() + kustomization.path("secretGenerator").size(), rendered.size());
        Optional<String> secret = rendered.stream().filter(d -> d.path("kind").asText().equals("Secret"))
                .map(KubernetesManifestsTest::name).filter(n -> n.startsWith("wire-secrets")).findFirst();
        assertTrue(secret.isPresent() && secret.get().startsWith("wire-secrets-"), "generated secret " + secret);
        Set<String> secretNames = new TreeSet<>();
        for (JsonNode doc : rendered) {
            if (!doc.path("kind").asText().equals("Namespace")) {
                assertEquals(namespace(), doc.path("metadata").path("namespace").asText(), name(doc));
            }
            doc.findValues("secretKeyRef").forEach(ref -> {
                if (ref.path("name").asText().startsWith("wire-secrets")) {
                    secretNames.add(ref.path("name").asText());
                }
            });
        }
        assertEquals(Set.of(secret.get()), secretNames, "every pod reads the generated secret under its hashed name");
    }
}
