package news.wire.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Elasticsearch node for the tests through the project's own launcher, so tests and the local
 * stack run Elasticsearch the same way (same distribution, same cache, same unprivileged user when root).
 */
public class ElasticsearchTestResource implements QuarkusTestResourceLifecycleManager {

    private Path launcher;
    private Path home;
    private int port;

    @Override
    public Map<String, String> start() {
        launcher = RepositoryLayout.launcher();
        port = freePort();
        try {
            // Under /var/tmp, not target/: when the build runs as root, Elasticsearch runs as an unprivileged
            // user who may not be able to traverse the checkout's parent folders.
            home = Files.createTempDirectory(Path.of("/var/tmp"), "wire-test-es-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run("up");
        } catch (RuntimeException e) {
            // A half-started node must not outlive the test run.
            try {
                run("down");
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (home == null) {
            return;
        }
        run("down");
        deleteRecursively(home);
    }

    private void run(String command) {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), command, "elasticsearch")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher-" + command + ".log").toFile());
        builder.environment().put("PIPELINE_HOME", home.toString());
        builder.environment().put("ES_PORT", Integer.toString(port));
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                String log = Files.readString(home.resolve("launcher-" + command + ".log"));
                throw new IllegalStateException("'pipeline " + command + " elasticsearch' failed:\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
