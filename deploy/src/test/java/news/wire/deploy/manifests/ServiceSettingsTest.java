package news.wire.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The reader of the services' settings finds what the services declare, so the deployment checks can rely on it. */
class ServiceSettingsTest {

    private final Checkout checkout = Checkout.find();

    @Test
    void mappingInterfacesGiveTheirNestedNamesInKebabCase() {
        Set<String> ingest = ServiceSettings.of(checkout, "ingest-service").names();
        assertTrue(ingest.contains("ingest.feeds.user-agent"), ingest.toString());
        assertTrue(ingest.contains("ingest.auth.admin-token"), ingest.toString());
        // Optional<List<String>>: a generic inside a generic.
        assertTrue(ingest.contains("ingest.feeds.allowed-internal-hosts"), ingest.toString());
        assertTrue(ingest.contains("ingest.topic.max-message-size"), ingest.toString());
        // A group is not a setting: only its leaves are.
        assertFalse(ingest.contains("ingest.topic"), ingest.toString());

        Set<String> enrich = ServiceSettings.of(checkout, "enrich-service").names();
        assertTrue(enrich.contains("enrich.stream.instance-id"), enrich.toString());
        assertTrue(enrich.contains("enrich.group-id"), enrich.toString());
        // @ConfigProperty, read by the workers for the default instance id.
        assertTrue(enrich.contains("quarkus.http.port"), enrich.toString());

        Set<String> query = ServiceSettings.of(checkout, "query-service").names();
        assertTrue(query.contains("query.indexer.group-id"), query.toString());
        assertTrue(query.contains("query.dashboard.enrich-metrics"), query.toString());
        assertTrue(query.contains("query.stories.threshold"), query.toString());
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", ServiceSettings.environmentName("kafka.bootstrap.servers"));
        assertEquals("ENRICH_STREAM_INSTANCE_ID", ServiceSettings.environmentName("enrich.stream.instance-id"));
        ServiceSettings ingest = ServiceSettings.of(checkout, "ingest-service");
        assertTrue(ingest.reads("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(ingest.reads("ENRICH_STREAM_WORKERS"), "a setting of another service");
    }

    @Test
    void commentsAndStringsDoNotConfuseTheBraceCounting() {
        String source = """
                /** Settings under {@code demo.} */
                @ConfigMapping(prefix = "demo")
                interface Demo {
                    // a } in a comment
                    @WithDefault("http://host/{x}")
                    String url();
                    Inner inner();
                    interface Inner {
                        int sizeLimit();
                    }
                }
                """;
        assertEquals(Set.of("demo.url", "demo.inner.size-limit"), ServiceSettings.mappedNames("demo", source));
    }

    /** The extension settings the deployment files use are real: named in the extension's own configuration model. */
    @Test
    void extensionSettingsExistInTheExtensionsConfigurationModel() throws IOException {
        String version = checkout.pomProperty("quarkus.version");
        Path repository = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"));
        for (Map<String, Set<String>> byExtension : ServiceSettings.EXTENSION_SETTINGS.values()) {
            for (Map.Entry<String, Set<String>> extension : byExtension.entrySet()) {
                Path jar = repository.resolve("io/quarkus/" + extension.getKey() + "/" + version + "/"
                        + extension.getKey() + "-" + version + ".jar");
                assumeTrue(Files.isRegularFile(jar), jar + " is not in the local Maven repository");
                Set<String> declared = new HashSet<>();
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    JsonNode model = new ObjectMapper().readTree(zip.getInputStream(
                            zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json")));
                    collectProperties(model, declared);
                }
                for (String setting : extension.getValue()) {
                    assertTrue(declared.contains(setting), extension.getKey() + " declares no " + setting + ": " + declared);
                }
            }
        }
    }

    private static void collectProperties(JsonNode node, Set<String> into) {
        JsonNode path = node.path("path");
        if (path.isObject() && path.path("property").isTextual()) {
            into.add(path.path("property").asText());
        }
        node.forEach(child -> collectProperties(child, into));
    }
}
