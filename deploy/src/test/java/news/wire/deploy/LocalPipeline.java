package news.wire.deploy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * deploy/local/pipeline run by a test in a home of its own under /var/tmp and on free ports, so that runs in
 * parallel (other checkouts, the developer's own stack) never meet. {@link #close()} stops whatever it started.
 */
final class LocalPipeline implements AutoCloseable {

    /** How far above instance 1's port the launcher puts instance 2 of a service, and so on. */
    private static final int SERVICE_INSTANCE_STEP = 100;
    private static final List<String> PORTS = List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "ES_PORT", "PG_PORT",
            "INGEST_PORT", "ENRICH_PORT", "QUERY_PORT");

    private final Path launcher;
    private final Path home;
    private final Map<String, String> ports = new LinkedHashMap<>();
    /** Settings handed to the services through the launcher's environment, which they inherit. */
    private final Map<String, String> serviceSettings = new LinkedHashMap<>();
    private int kafkaBrokers = 1;
    private int elasticsearchNodes = 1;
    private int serviceInstances = 1;

    private LocalPipeline(Path launcher, Path home) {
        this.launcher = launcher;
        this.home = home;
    }

    /**
     * A pipeline whose Kafka and Elasticsearch may be clusters: the launcher puts node N a fixed step above node
     * 1's ports, so each gets a block of free ports. {@code up} must then be run with the same sizes.
     */
    static LocalPipeline createCluster(String name, int kafkaBrokers, int elasticsearchNodes) throws IOException {
        LocalPipeline pipeline = create(name);
        pipeline.kafkaBrokers = kafkaBrokers;
        pipeline.elasticsearchNodes = elasticsearchNodes;
        Set<Integer> taken = new HashSet<>();
        pipeline.ports.values().forEach(port -> taken.add(Integer.parseInt(port)));
        int kafka = freeBlock(2 * kafkaBrokers, taken);
        int elasticsearch = freeBlock(elasticsearchNodes, taken);
        pipeline.ports.put("KAFKA_PORT", Integer.toString(kafka));
        pipeline.ports.put("KAFKA_CONTROLLER_PORT", Integer.toString(kafka + 1));
        pipeline.ports.put("ES_PORT", Integer.toString(elasticsearch));
        pipeline.ports.put("ES_TRANSPORT_PORT", Integer.toString(freeBlock(elasticsearchNodes, taken)));
        return pipeline;
    }

    /**
     * A pipeline running INSTANCES instances of each service: the launcher puts instance N of a service 100 ports above
     * instance 1 ({@code query-2} on QUERY_PORT+100), so each service gets ports that are free at every such step.
     * {@code up} must then be run with {@link #instancesOption()}.
     */
    static LocalPipeline createScaledOut(String name, int instances) throws IOException {
        LocalPipeline pipeline = create(name);
        pipeline.serviceInstances = instances;
        Set<Integer> taken = new HashSet<>();
        pipeline.ports.values().forEach(port -> taken.add(Integer.parseInt(port)));
        for (String service : List.of("INGEST_PORT", "ENRICH_PORT", "QUERY_PORT")) {
            pipeline.ports.put(service, Integer.toString(freeSteps(instances, SERVICE_INSTANCE_STEP, taken)));
        }
        return pipeline;
    }

    /** The {@code up} options that give this pipeline its instances of each service. */
    List<String> instancesOption() {
        return List.of("--instances", Integer.toString(serviceInstances));
    }

    /** The {@code up} options that give this pipeline its cluster sizes. */
    List<String> clusterOptions() {
        return List.of("--kafka-brokers", Integer.toString(kafkaBrokers), "--es-nodes", Integer.toString(elasticsearchNodes));
    }

    static LocalPipeline create(String name) throws IOException {
        Path launcher = repositoryRoot().resolve("deploy/local/pipeline");
        // Under /var/tmp: when run as root, Elasticsearch and PostgreSQL run as unprivileged users who need to reach it.
        Path home = Files.createTempDirectory(Path.of("/var/tmp"), name + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        LocalPipeline pipeline = new LocalPipeline(launcher, home);
        for (String port : PORTS) {
            String free;
            // A port just released can be handed out again by the next probe: each service needs its own.
            do {
                free = Integer.toString(freePort());
            } while (pipeline.ports.containsValue(free));
            pipeline.ports.put(port, free);
        }
        return pipeline;
    }

    /**
     * Gives every service started from now on this setting, as an environment variable (Quarkus' name for it, such as
     * {@code QUERY_WATCHES_WEBHOOKS_ALLOWED_INTERNAL_HOSTS}); the launcher passes its environment on.
     */
    LocalPipeline withServiceSetting(String variable, String value) {
        serviceSettings.put(variable, value);
        return this;
    }

    /**
     * Caps each service's wait between retries while Kafka or Elasticsearch is away at CEILING: ingest's outbox relay,
     * enrich's workers and query's indexer double theirs up to 30 s, 10 s and 30 s, which suits an outage of hours. A
     * drill's fault lasts seconds, and a retry that came that long after it was over only made the drill wait; the
     * services still have to retry through the whole fault.
     */
    LocalPipeline withRetryCeiling(Duration ceiling) {
        String value = ceiling.toMillis() + "ms";
        return withServiceSetting("INGEST_OUTBOX_MAX_BACKOFF", value)
                .withServiceSetting("ENRICH_MAX_BACKOFF", value)
                .withServiceSetting("QUERY_INDEXER_MAX_BACKOFF", value);
    }

    URI service(String portName, String path) {
        return service(portName, 1, path);
    }

    /** An address of instance N of a service (see {@link #createScaledOut}). */
    URI service(String portName, int instance, String path) {
        int port = Integer.parseInt(ports.get(portName)) + SERVICE_INSTANCE_STEP * (instance - 1);
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Every broker's address. */
    String kafkaBootstrap() {
        int first = Integer.parseInt(ports.get("KAFKA_PORT"));
        List<String> brokers = new ArrayList<>();
        for (int n = 1; n <= kafkaBrokers; n++) {
            brokers.add("127.0.0.1:" + (first + 2 * (n - 1)));
        }
        return String.join(",", brokers);
    }

    /**
     * A test's Kafka client settings: every broker and, on a stack started with {@code up --secure}, the admin user's
     * SASL_SSL login the launcher wrote; then SETTINGS.
     */
    Map<String, Object> kafkaClient(Map<String, Object> settings) throws IOException {
        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", kafkaBootstrap());
        Path secured = secrets().resolve("admin-client.properties");
        if (Files.exists(secured)) {
            Properties login = new Properties();
            try (Reader reader = Files.newBufferedReader(secured)) {
                login.load(reader);
            }
            login.forEach((key, value) -> client.put((String) key, value));
        }
        client.putAll(settings);
        return client;
    }

    /** Where {@code up --secure} keeps the CA, the key stores and the users' passwords. */
    Path secrets() {
        return home.resolve("secrets");
    }

    /** Elasticsearch node N's HTTP address (node 1 is the master). */
    URI elasticsearch(int node, String path) {
        return URI.create("http://127.0.0.1:" + (Integer.parseInt(ports.get("ES_PORT")) + node - 1) + path);
    }

    /** Runs {@code pipeline ARGS...} and fails with its output and the components' logs unless it succeeds. */
    void run(Duration timeout, String... args) throws Exception {
        Path log = home.resolve("launcher-" + args[0] + ".log");
        Process process = start(log, args);
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("'pipeline " + String.join(" ", args) + "' failed:\n" + output + logs());
        }
    }

    /** Starts {@code pipeline ARGS...} without waiting for it, its output going to LOG. */
    Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PIPELINE_HOME", home.toString());
        builder.environment().putAll(ports);
        builder.environment().putAll(serviceSettings);
        return builder.start();
    }

    /** The launcher's PIPELINE_HOME for this stack: each component's folder, pid file and logs. */
    Path home() {
        return home;
    }

    /** The whole log of one of the services (ingest, enrich, query, or an instance such as query-2). */
    String serviceLog(String service) throws IOException {
        Path log = home.resolve(service).resolve(service + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The last lines of every log in the home, for failure messages. */
    String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") && Files.isRegularFile(f)).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                logs.append("\n==> ").append(file).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        }
        return logs.toString();
    }

    /**
     * {@code pipeline down}, then the pids it had recorded that still run (it must leave none), then the home is
     * deleted. Safe to call when {@code up} never got far.
     */
    List<Long> stop() throws Exception {
        try {
            List<Long> started = recordedPids();
            run(Duration.ofMinutes(3), "down");
            return started.stream().filter(LocalPipeline::running).toList();
        } finally {
            deleteRecursively(home);
        }
    }

    @Override
    public void close() throws Exception {
        List<Long> survivors = stop();
        if (!survivors.isEmpty()) {
            throw new AssertionError("processes started by 'pipeline up' still run after 'pipeline down': " + survivors);
        }
    }

    private List<Long> recordedPids() throws IOException {
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
    static boolean running(long pid) {
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

    /** The first of COUNT consecutive ports that are all free now and not yet taken; they are then taken. */
    private static int freeBlock(int count, Set<Integer> taken) throws IOException {
        return freeSteps(count, 1, taken);
    }

    /** The first of COUNT ports STEP apart that are all free now and not yet taken; they are then taken. */
    private static int freeSteps(int count, int step, Set<Integer> taken) throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = 20_000 + random.nextInt(30_000);
            boolean free = true;
            for (int port = first; port < first + count * step && free; port += step) {
                if (taken.contains(port)) {
                    free = false;
                    break;
                }
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException inUse) {
                    free = false;
                }
            }
            if (free) {
                for (int port = first; port < first + count * step; port += step) {
                    taken.add(port);
                }
                return first;
            }
        }
        throw new IOException("no " + count + " free ports " + step + " apart found");
    }

    static Path repositoryRoot() {
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
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
