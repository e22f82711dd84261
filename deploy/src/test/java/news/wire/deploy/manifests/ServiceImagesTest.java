package news.wire.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' Dockerfile.jvm, read offline (no Docker engine here): what they build on, copy, expose and run, checked
 * against the build and the services' own settings.
 */
class ServiceImagesTest {

    private final Checkout checkout = Checkout.find();

    private Dockerfile dockerfile(String module) {
        return Dockerfile.parse(checkout.text(module + "/src/main/docker/Dockerfile.jvm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void buildsOnAnOfficialJreOfTheJavaVersionTheBuildTargets(String module) {
        String from = dockerfile(module).only("FROM");
        String release = checkout.pomProperty("maven.compiler.release");
        assertTrue(from.matches("eclipse-temurin:" + release + "-jre(-[\\w.]+)?"), module + ": FROM " + from);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void copiesTheFastJarLayersAndRunsItAsAnUnprivilegedUserOnTheServicePort(String module) {
        Dockerfile image = dockerfile(module);
        List<String> copied = image.all("COPY");
        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/")) {
            assertTrue(copied.stream().anyMatch(c -> c.startsWith(layer + " ")), module + " does not copy " + layer);
        }
        // Dependencies before our own classes, so a code change rebuilds only the small layers.
        assertTrue(copied.get(0).startsWith("target/quarkus-app/lib/"), module + ": first COPY " + copied.get(0));

        String user = image.only("USER").split(":")[0];
        assertTrue(user.matches("\\d+") && Integer.parseInt(user) > 0,
                module + ": USER must be a numeric non-root uid for runAsNonRoot, is " + user);

        int port = ServiceSettings.of(checkout, module).httpPort();
        assertEquals(String.valueOf(port), image.only("EXPOSE"), module);

        String cmd = image.only("CMD");
        assertTrue(cmd.contains("exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar quarkus-run.jar"),
                module + ": java must replace the shell (signals) and take JAVA_OPTS: " + cmd);
        assertTrue(image.all("ENTRYPOINT").isEmpty(), module + ": the base image's entrypoint is kept");
    }

    /** The heap each image starts with is the one the local launcher runs the service with, where it was measured. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void defaultHeapIsTheMeasuredOne(String module) {
        String variable = module.equals("enrich-service") ? "ENRICH_JAVA_OPTS" : "SERVICE_JAVA_OPTS";
        Matcher launcher = Pattern.compile("(?m)^" + variable + "=\\$\\{" + variable + ":-([^}]+)}")
                .matcher(checkout.text("deploy/local/pipeline"));
        assertTrue(launcher.find(), "launcher default of " + variable);
        String javaOpts = dockerfile(module).environment().get("JAVA_OPTS");
        assertTrue(javaOpts != null && javaOpts.startsWith(launcher.group(1) + " "),
                module + ": JAVA_OPTS " + javaOpts + " should start with the launcher's " + launcher.group(1));
        assertTrue(dockerfile(module).environment().containsKey("JAVA_OPTS_APPEND"), module);
        if (module.equals("enrich-service")) {
            assertTrue(javaOpts.contains("-Xmx512m"), javaOpts);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void buildContextHoldsOnlyThePackagedApplication(String module) {
        List<String> rules = checkout.text(module + "/.dockerignore").lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(List.of("*", "!target/quarkus-app"), rules, module);
    }

    /** enrich-service is GPL-3.0-or-later (it links CoreNLP); its image says so, the others claim nothing of the kind. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void imageLicenceLabelFollowsTheModule(String module) {
        boolean gpl = checkout.text(module + "/pom.xml").contains("GNU General Public License v3.0 or later");
        boolean labelled = dockerfile(module).all("LABEL").stream()
                .anyMatch(l -> l.contains("org.opencontainers.image.licenses=\"GPL-3.0-or-later\""));
        assertEquals(gpl, labelled, module);
    }

    /** Where the module has been packaged (the full build packages it before this module), the copied paths exist. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void packagedApplicationHasEveryCopiedLayer(String module) {
        Path app = checkout.path(module + "/target/quarkus-app");
        assumeTrue(Files.isDirectory(app), module + " is not packaged in this checkout");
        for (String part : List.of("lib", "app", "quarkus")) {
            assertTrue(Files.isDirectory(app.resolve(part)), app.resolve(part) + " missing");
        }
        assertTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")), "quarkus-run.jar missing");
        assertFalse(Files.exists(app.resolve("lib/main")) && isEmpty(app.resolve("lib/main")), "no dependencies");
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
