package news.wire.deploy.indexbench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import news.wire.deploy.searchbench.EnrichedCorpusCache;
import news.wire.deploy.searchbench.ReplicaPublisher;

/**
 * query-service's indexing throughput for two builds in the same run: N enriched articles are published once to
 * articles.enriched, then each build's {@code quarkus-run.jar} is started in turn (before, after, before, after, ...)
 * as a process of its own with a consumer group of its own, so it reads the topic from the beginning into an index
 * emptied first, and the time until the index holds them all is taken, with what its GC log says of its heap (each
 * run is a backlog caught up). Prints figures; asserts nothing.
 *
 * <pre>deploy/bench/indexing-figures [--before DIR] [--after DIR] [--articles 10000] [--rounds 2] ...</pre>
 */
public final class IndexBenchmark {

    private static final long POLL_MILLIS = 250;

    private IndexBenchmark() {
    }

    /** One measured (or warm-up) run of one build. */
    record Run(String label, String build, int round, String index, long target, long reached, double startSeconds,
               double indexSeconds, double rate, double cpuPerThousand, double esCpuPerThousand, double cpuTotal,
               String loadStart,
               String loadEnd, boolean complete, GcLog heap, String exited) {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        for (Path dir : List.of(o.before(), o.after())) {
            if (!Files.isRegularFile(dir.resolve("quarkus-run.jar"))) {
                throw new IllegalArgumentException(dir + " holds no quarkus-run.jar: build query-service there first");
            }
        }
        if (answers(o.stackQuery())) {
            throw new IllegalStateException("the stack's own query-service answers at " + o.stackQuery()
                    + ": stop it first (deploy/local/pipeline down query), or its indexer writes into the same index");
        }
        Elasticsearch es = new Elasticsearch(o.elasticsearch());
        String nonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        long ticks = ProcStat.ticksPerSecond();

        // The topic must be there (the launcher makes it); anything already on it is replayed by every run too.
        long before = recordsOn(o.kafka(), o.topic());
        long target = o.expect();
        if (target <= 0) {
            target = o.articles();
            if (before > 0) {
                long live = Math.max(0, es.count(Elasticsearch.ALIAS));
                System.err.printf(Locale.ROOT, "%s already holds %d records; every run replays them too, so the target is "
                        + "%d + the %d articles the stack's index holds now (assumes its indexer had caught up; --expect "
                        + "overrides)%n", o.topic(), before, o.articles(), live);
                target += live;
            }
        }

        Path own = Path.of("deploy/target/index-bench/enriched.jsonl");
        if (o.cache().equals(own) && Files.isRegularFile(own) && lineCount(own) < o.articles()) {
            // Built by a smaller run: enrich again rather than repeat too few stories in copies a week apart.
            System.err.printf(Locale.ROOT, "%s holds fewer than %d articles; building it again%n", own, o.articles());
            Files.delete(own);
        }
        List<String> lines = new EnrichedCorpusCache(o.cache(), o.enrich()).lines(o.reuters(), o.bbc(), 2, o.articles());
        System.err.printf(Locale.ROOT, "corpus: %d enriched articles in %s%n", lines.size(), o.cache());
        new ReplicaPublisher(o.kafka(), o.topic(), "index-bench:" + nonce, o.publishedNow())
                .publish(lines, o.articles());

        Files.createDirectories(o.logDir());
        System.out.printf(Locale.ROOT, "indexing throughput: %d articles on %s (%d records there before), target count %d,"
                        + " nonce %s, %d round(s) after %d warm-up run(s), poll every %d ms%n",
                o.articles(), o.topic(), before, target, nonce, o.rounds(), o.warmup(), POLL_MILLIS);
        System.out.printf(Locale.ROOT, "before: %s%nafter:  %s%n", o.before(), o.after());
        System.out.printf(Locale.ROOT, "%-8s %-6s %-12s %9s %9s %9s %10s %10s %9s %9s %-16s %-16s %7s %7s %9s %9s%n",
                "run", "build", "index", "start s", "index s", "art/s", "cpu/1000", "es cpu/1000", "cpu tot", "count",
                "load at start", "load at end", "full gc", "evac f", "young p90", "full max");

        List<Run> runs = new ArrayList<>();
        int n = 0;
        for (int w = 0; w < o.warmup(); w++) {
            print(measure(o, es, ticks, nonce, n++, "warm-up", "before", o.before(), 0, target));
        }
        for (int round = 1; round <= o.rounds(); round++) {
            for (String build : List.of("before", "after")) {
                Run run = measure(o, es, ticks, nonce, n++, "round " + round, build,
                        build.equals("before") ? o.before() : o.after(), round, target);
                print(run);
                runs.add(run);
            }
        }

        double beforeRate = Figures.median(runs.stream().filter(r -> r.build().equals("before") && r.complete())
                .map(Run::rate).toList());
        double afterRate = Figures.median(runs.stream().filter(r -> r.build().equals("after") && r.complete())
                .map(Run::rate).toList());
        double beforeCpu = Figures.median(runs.stream().filter(r -> r.build().equals("before") && r.complete())
                .map(Run::cpuPerThousand).toList());
        double afterCpu = Figures.median(runs.stream().filter(r -> r.build().equals("after") && r.complete())
                .map(Run::cpuPerThousand).toList());
        double beforeEs = Figures.median(runs.stream().filter(r -> r.build().equals("before") && r.complete())
                .map(Run::esCpuPerThousand).toList());
        double afterEs = Figures.median(runs.stream().filter(r -> r.build().equals("after") && r.complete())
                .map(Run::esCpuPerThousand).toList());
        System.out.printf(Locale.ROOT, "median before: %.0f articles/s, %.2f CPU s per 1,000, Elasticsearch %.2f%n",
                beforeRate, beforeCpu, beforeEs);
        System.out.printf(Locale.ROOT, "median after:  %.0f articles/s, %.2f CPU s per 1,000, Elasticsearch %.2f%n",
                afterRate, afterCpu, afterEs);
        System.out.printf(Locale.ROOT, "after / before: throughput %.3f, CPU per article %.3f, Elasticsearch's CPU per "
                + "article %.3f%n", afterRate / beforeRate, afterCpu / beforeCpu, afterEs / beforeEs);
        for (String build : List.of("before", "after")) {
            List<Run> of = runs.stream().filter(r -> r.build().equals(build)).toList();
            System.out.printf(Locale.ROOT, "heap %-6s (%s): %d full collections, %d evacuation failures in %d runs, "
                            + "median heap after young collections (90th percentile) %.0f MB, %d run(s) exited%n",
                    build, o.javaOpts(), of.stream().mapToInt(r -> r.heap().fullPauses()).sum(),
                    of.stream().mapToInt(r -> r.heap().evacuationFailures()).sum(), of.size(),
                    Figures.median(of.stream().map(r -> r.heap().afterYoungP90Mb()).toList()),
                    of.stream().filter(r -> r.exited() != null).count());
        }
        long incomplete = runs.stream().filter(r -> !r.complete()).count();
        if (incomplete > 0) {
            System.out.printf(Locale.ROOT, "%d run(s) did not reach the target count and are left out of the medians%n",
                    incomplete);
        }
    }

    private static void print(Run r) {
        System.out.printf(Locale.ROOT,
                "%-8s %-6s %-12s %9.1f %9.1f %9.0f %10.2f %10.2f %9.1f %9d %-16s %-16s %7d %7d %9.0f %9.0f%s%s%n",
                r.label().equals("warm-up") ? "warm-up" : "r" + r.round(), r.build(), r.index(), r.startSeconds(),
                r.indexSeconds(), r.rate(), r.cpuPerThousand(), r.esCpuPerThousand(), r.cpuTotal(), r.reached(), r.loadStart(), r.loadEnd(),
                r.heap().fullPauses(), r.heap().evacuationFailures(), r.heap().afterYoungP90Mb(),
                r.heap().mostAfterFullMb(), r.complete() ? "" : "  INCOMPLETE",
                r.exited() == null ? "" : "  " + r.exited());
    }

    /** Empties the indices, starts the build, polls the count until the target, stops the process. */
    private static Run measure(Options o, Elasticsearch es, long ticks, String nonce, int n, String label, String build,
                               Path app, int round, long target) throws IOException, InterruptedException {
        emptyIndices(es);
        Path log = o.logDir().resolve(String.format(Locale.ROOT, "run-%d-%s.log", n, build));
        Path gcLog = o.logDir().resolve(String.format(Locale.ROOT, "run-%d-%s-gc.log", n, build));
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(o.java());
        command.addAll(List.of(o.javaOpts().trim().split("\\s+")));
        // How close the heap came to its limit while catching up: a backlog that fills it is a restart loop.
        command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
        command.addAll(List.of(
                "-Dpipeline.home=" + o.logDir().toAbsolutePath(), // as the launcher passes it (a marker, and the cwd)
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + o.httpPort(),
                "-Dquery.indexer.group-id=bench-" + nonce + "-" + n,
                "-Dquery.indexer.topic=" + o.topic(),
                "-jar", app.resolve("quarkus-run.jar").toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(o.logDir().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // As the launcher does: no stray variables Quarkus would read as config (KAFKA_PORT becomes kafka.port).
        env.keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("QUARKUS_") || k.startsWith("QUERY_")
                || k.endsWith("_PORT") || k.startsWith("PIPELINE_") || k.equals("ENRICH_JAVA_OPTS")
                || k.equals("SERVICE_JAVA_OPTS"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", o.kafka());
        env.put("QUARKUS_ELASTICSEARCH_HOSTS", o.elasticsearch().getHost() + ":" + o.elasticsearch().getPort());
        env.put("QUERY_DASHBOARD_INGEST_METRICS", o.ingestMetrics());
        env.put("QUERY_DASHBOARD_ENRICH_METRICS", o.enrichMetrics());

        String loadStart = ProcStat.loadAverages();
        long started = System.nanoTime();
        Process process = pb.start();
        long pid = process.pid();
        long firstAt = 0;
        long firstCount = 0;
        double firstCpu = -1;
        double firstEsCpu = -1;
        long endAt = 0;
        double endCpu = -1;
        double endEsCpu = -1;
        long count = 0;
        long lastChange = started;
        boolean complete = false;
        String exited = null;
        try {
            while (true) {
                Thread.sleep(POLL_MILLIS);
                if (!process.isAlive()) {
                    // Out of heap exits (ExitOnOutOfMemoryError): a figure of the build, not the end of the benchmark.
                    exited = "exited with " + process.exitValue() + ", see " + log;
                    System.err.printf(Locale.ROOT, "%s %s: query-service %s%n", label, build, exited);
                    endAt = System.nanoTime();
                    break;
                }
                long now = System.nanoTime();
                long c = Math.max(0, es.count(Elasticsearch.ALIAS));
                double cpu = ProcStat.cpuSeconds(pid, ticks);
                double esCpu = o.elasticsearchPid() > 0 ? ProcStat.cpuSeconds(o.elasticsearchPid(), ticks) : -1;
                if (c != count) {
                    count = c;
                    lastChange = now;
                }
                if (c > 0 && firstAt == 0) {
                    firstAt = now;
                    firstCount = c;
                    firstCpu = cpu;
                    firstEsCpu = esCpu;
                }
                if (c >= target) {
                    endAt = now;
                    endCpu = cpu;
                    endEsCpu = esCpu;
                    complete = true;
                    break;
                }
                if (now - started > TimeUnit.SECONDS.toNanos(o.timeoutSeconds())
                        || (firstAt > 0 && now - lastChange > TimeUnit.SECONDS.toNanos(o.stallSeconds()))) {
                    endAt = now;
                    endCpu = cpu;
                    endEsCpu = esCpu;
                    System.err.printf(Locale.ROOT, "%s %s: stopped waiting at %d of %d articles%n", label, build, c, target);
                    break;
                }
            }
        } finally {
            stop(process);
        }
        String loadEnd = ProcStat.loadAverages();
        List<String> targets = List.of();
        try {
            targets = es.aliasTargets(Elasticsearch.ALIAS);
        } catch (IOException e) {
            // only for the printout
        }
        double startSeconds = firstAt == 0 ? Double.NaN : (firstAt - started) / 1e9;
        double indexSeconds = firstAt == 0 ? Double.NaN : (endAt - firstAt) / 1e9;
        double rate = Figures.rate(firstCount, count, firstAt, endAt);
        double cpuPerThousand = firstCpu < 0 || endCpu < 0 ? Double.NaN
                : Figures.cpuPerThousand(endCpu - firstCpu, count - firstCount);
        // Elasticsearch's CPU over the same span: the indexer's story searches and writes cost most of theirs there.
        double esCpuPerThousand = firstEsCpu < 0 || endEsCpu < 0 ? Double.NaN
                : Figures.cpuPerThousand(endEsCpu - firstEsCpu, count - firstCount);
        return new Run(label, build, round, String.join(",", targets), target, count, startSeconds, indexSeconds, rate,
                cpuPerThousand, esCpuPerThousand, endCpu, loadStart, loadEnd, complete, GcLog.read(gcLog), exited);
    }

    /** SIGTERM, then up to 30 s for a clean shutdown, then SIGKILL. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.err.println("query-service did not stop within 30 s of SIGTERM; killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Deletes every article index (whatever the alias points at, and every {@code articles-v*}: the old build writes
     * articles-v3, the new one articles-v4) and the entity registry ({@code entities-v*}), so each run starts empty.
     */
    private static void emptyIndices(Elasticsearch es) throws IOException, InterruptedException {
        List<String> doomed = new ArrayList<>(es.aliasTargets(Elasticsearch.ALIAS));
        for (String pattern : List.of("articles-v*", "entities-v*")) {
            for (String index : es.indices(pattern)) {
                if (!doomed.contains(index)) {
                    doomed.add(index);
                }
            }
        }
        for (String index : doomed) {
            es.delete(index);
        }
        if (!doomed.isEmpty()) {
            System.err.println("deleted " + doomed);
        }
    }

    /** Records on the topic now (end minus start offsets, transaction markers included); fails if it is missing. */
    private static long recordsOn(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            TopicDescription description;
            try {
                description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("topic " + topic + " is not there (the launcher makes the topics of "
                        + "deploy/topics.properties: deploy/local/pipeline up kafka)", e);
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            var start = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
            var end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            long records = 0;
            for (TopicPartition tp : end.keySet()) {
                records += end.get(tp).offset() - start.get(tp).offset();
            }
            System.err.printf(Locale.ROOT, "%s: %d partitions, %d records%n", topic, description.partitions().size(), records);
            return records;
        }
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static boolean answers(URI service) {
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(service.resolve("/q/health/live")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The search benchmark's cache of the whole enriched corpus when there is one; otherwise one of our own, which,
     * built here, holds only as many stories as the run asked for (a larger run builds it again).
     */
    private static Path defaultCache() {
        Path shared = Path.of("deploy/target/search-bench/enriched.jsonl");
        return Files.isRegularFile(shared) ? shared : Path.of("deploy/target/index-bench/enriched.jsonl");
    }

    /** The two builds, the stack, the corpus, and how many articles and runs. */
    record Options(Path before, Path after, URI elasticsearch, String kafka, URI enrich, URI stackQuery,
                   String ingestMetrics, String enrichMetrics, Path reuters, Path bbc, Path cache, Path logDir,
                   String topic, String java, String javaOpts, int httpPort, int articles, int rounds, int warmup,
                   long expect, int timeoutSeconds, int stallSeconds, long elasticsearchPid, boolean publishedNow) {

        static Options parse(String[] args) {
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--") && i + 1 < args.length) {
                    v.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            List<String> known = List.of("before", "after", "elasticsearch", "kafka", "enrich", "query", "ingest-metrics",
                    "enrich-metrics", "reuters", "bbc", "cache", "log-dir", "topic", "java", "java-opts", "http-port",
                    "articles", "rounds", "warmup", "expect", "timeout", "stall", "elasticsearch-pid", "published");
            for (String key : v.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key + "; known: " + known);
                }
            }
            URI enrich = URI.create(v.getOrDefault("enrich", "http://127.0.0.1:8082"));
            return new Options(
                    Path.of(v.getOrDefault("before", "/work/wt-base/query-service/target/quarkus-app")),
                    Path.of(v.getOrDefault("after", "query-service/target/quarkus-app")),
                    URI.create(v.getOrDefault("elasticsearch", "http://127.0.0.1:9200")),
                    v.getOrDefault("kafka", "127.0.0.1:9092"),
                    enrich,
                    URI.create(v.getOrDefault("query", "http://127.0.0.1:8083")),
                    v.getOrDefault("ingest-metrics", "http://127.0.0.1:8081/q/metrics"),
                    v.getOrDefault("enrich-metrics", enrich.resolve("/q/metrics").toString()),
                    Path.of(v.getOrDefault("reuters", "../shared/corpora/reuters21578")),
                    Path.of(v.getOrDefault("bbc", "../shared/corpora/bbc_news/bbc")),
                    v.containsKey("cache") ? Path.of(v.get("cache")) : defaultCache(),
                    Path.of(v.getOrDefault("log-dir", "deploy/target/index-bench")),
                    v.getOrDefault("topic", "articles.enriched"),
                    v.getOrDefault("java", "java"),
                    v.getOrDefault("java-opts", "-Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError"),
                    Integer.parseInt(v.getOrDefault("http-port", "18383")),
                    Integer.parseInt(v.getOrDefault("articles", "10000")),
                    Integer.parseInt(v.getOrDefault("rounds", "2")),
                    Integer.parseInt(v.getOrDefault("warmup", "1")),
                    Long.parseLong(v.getOrDefault("expect", "0")),
                    Integer.parseInt(v.getOrDefault("timeout", "900")),
                    Integer.parseInt(v.getOrDefault("stall", "60")),
                    Long.parseLong(v.getOrDefault("elasticsearch-pid", "0")),
                    switch (v.getOrDefault("published", "corpus")) {
                        case "corpus" -> false;
                        case "now" -> true;
                        default -> throw new IllegalArgumentException("--published takes corpus or now");
                    });
        }
    }
}
