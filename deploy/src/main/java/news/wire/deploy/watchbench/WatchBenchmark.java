package news.wire.deploy.watchbench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.deploy.e2ebench.BenchArticles;
import news.wire.deploy.e2ebench.SearchWatch;
import news.wire.deploy.reuters.ArticleSubmission;
import news.wire.deploy.reuters.IngestAnswer;
import news.wire.deploy.reuters.IngestClient;
import news.wire.deploy.reuters.IngestFailure;
import news.wire.deploy.reuters.Latencies;
import news.wire.deploy.reuters.Pacer;

/**
 * Watches against a running stack: registers 0, then 1,000, then 10,000 watches (a known few of them probes with a
 * webhook to a receiver in this process), and at each count posts Reuters/BBC articles through ingest at a fixed rate;
 * prints POST-to-webhook and POST-to-searchable latency, the searchable rate, and what matching cost the indexer per
 * article against the bulk write; at the counts asked, also a flat-out phase for the searchable throughput. Asserts
 * nothing. Usage: see deploy/bench/watch-figures.
 */
public final class WatchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REGISTERING_THREADS = 64;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[^a-z0-9]", "x");
    private final WatchMix mix;
    private final List<String> registered = Collections.synchronizedList(new ArrayList<>());
    private int standing;
    private volatile boolean probing;

    /** The phase articles become searchable in, for SearchWatch's callback. */
    private final AtomicReference<Phase> current = new AtomicReference<>();

    private WatchBenchmark(Options options) {
        this.options = options;
        this.mix = new WatchMix(run, options.probes);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            return;
        }
        new WatchBenchmark(options).run();
    }

    private void run() throws Exception {
        BenchArticles articles = BenchArticles.load(options.reuters, options.bbc, run);
        if (articles == null) {
            return;
        }
        System.out.printf("watch-figures: run %s, load average at start %s, %d probes (one group each), %.0f/s for %d s"
                + " per count, watches %s, flat out at %s%n", run, loadAverage(), options.probes, options.rate,
                options.seconds, options.watchCounts, options.flatOutCounts);
        int already = listed();
        if (already > 0) {
            System.out.printf("watch-figures: %d watches exist already and are matched too%n", already);
        }
        IngestClient ingest = new IngestClient(options.ingest, JSON);
        SearchWatch searchWatch = new SearchWatch(options.elasticsearch, Duration.ofMillis(100), (id, nanos) -> {
            Phase phase = current.get();
            if (phase != null) {
                phase.searchable(nanos);
            }
        });
        Thread watcher = new Thread(searchWatch, "watch-figures-search");
        watcher.setDaemon(true);
        watcher.start();
        List<Phase> phases = new ArrayList<>();
        try (DeliveryClock clock = new DeliveryClock()) {
            Poster poster = new Poster(ingest, articles, searchWatch, clock);
            // Everything JIT-compiled and connected before the first figure: flat out, since a paced warm-up left a
            // fresh stack's first flat-out phase (the one without watches) at half the rate of the later ones.
            phases.add(poster.run("warm-up", 0, options.flatRate, Duration.ofSeconds(options.warmFlat),
                    options.workers));
            for (int count : options.watchCounts) {
                register(count, clock);
                if (count > 0 && options.warmWatches > 0) {
                    // Not a figure: the first pass after a thousand watches were saved builds all their queries, and
                    // the matching code is compiled only once some watch exists; watches live for months, so the
                    // figures are of a stack that has matched them for a while.
                    poster.run("warm-up", count, options.flatRate, Duration.ofSeconds(options.warmWatches),
                            options.workers);
                }
                phases.add(poster.run("paced", count, options.rate, Duration.ofSeconds(options.seconds), 1));
                if (options.flatOutCounts.contains(count)) {
                    phases.add(poster.run("flat out", count, options.flatRate, Duration.ofSeconds(options.flatSeconds),
                            options.workers));
                }
            }
            if (options.flatOutCounts.contains(0) && options.flatOutCounts.stream().anyMatch(c -> c > 0)) {
                // The baseline again, after: every phase leaves the article index bigger (story searches and merges
                // cost more), so the flat-out phases with watches are compared with the mean of a phase without them
                // before and one after, not with the first alone.
                unregister();
                phases.add(poster.run("flat out", 0, options.flatRate, Duration.ofSeconds(options.flatSeconds),
                        options.workers));
            }
        } finally {
            searchWatch.stop();
            if (!options.keep) {
                unregister();
            }
        }
        report(phases.subList(1, phases.size()));
    }

    /** Registers watches until COUNT exist of this run: the probes first, then standing searches. */
    private void register(int count, DeliveryClock clock) throws Exception {
        if (count == 0) {
            return;
        }
        List<ObjectNode> bodies = new ArrayList<>();
        if (!probing) {
            for (int i = 0; i < options.probes && i < count; i++) {
                bodies.add(mix.probe(i, clock.url("probe" + i)));
            }
            probing = true;
        }
        int more = count - registered.size() - bodies.size();
        if (more > 0) {
            bodies.addAll(mix.standing(standing, more, options.seed));
            standing += more;
        }
        long start = System.nanoTime();
        AtomicLong refused = new AtomicLong();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(REGISTERING_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ObjectNode body : bodies) {
                done.add(pool.submit(() -> {
                    HttpResponse<String> made = send(HttpRequest.newBuilder(options.query.resolve("/v1/watches"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
                    if (made.statusCode() == 201) {
                        registered.add(JSON.readTree(made.body()).path("id").asText());
                    } else {
                        refused.incrementAndGet();
                        firstRefusal.compareAndSet(null, made.statusCode() + " " + made.body() + " for " + body);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("watch-figures: %d watches registered in %.1f s (%d now)%s%n", bodies.size() - refused.get(),
                (System.nanoTime() - start) / 1e9, registered.size(),
                refused.get() == 0 ? "" : "; " + refused.get() + " refused, e.g. " + firstRefusal.get());
        // A watch saved is matched by the instance that saved it at once; give the deliverer a round to see the webhooks.
        Thread.sleep(2_000);
    }

    private void unregister() throws InterruptedException {
        if (registered.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(REGISTERING_THREADS);
        for (String id : List.copyOf(registered)) {
            pool.submit(() -> send(HttpRequest.newBuilder(options.query.resolve("/v1/watches/" + id)).DELETE()));
        }
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
        System.out.printf("watch-figures: %d watches of this run deleted in %.1f s%n", registered.size(),
                (System.nanoTime() - start) / 1e9);
        registered.clear();
        probing = false;
    }

    private int listed() throws IOException, InterruptedException {
        HttpResponse<String> list = send(HttpRequest.newBuilder(options.query.resolve("/v1/watches")).GET());
        return list.statusCode() == 200 ? JSON.readTree(list.body()).path("watches").size() : 0;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private MatchingCost.Reading metrics() throws IOException, InterruptedException {
        HttpResponse<String> text = send(HttpRequest.newBuilder(options.query.resolve("/q/metrics")).GET());
        return MatchingCost.Reading.of(text.body());
    }

    /** Posts at a rate (0: flat out with several workers) and follows each article to searchable and to its probes. */
    private final class Poster {

        private final IngestClient ingest;
        private final BenchArticles articles;
        private final SearchWatch searchWatch;
        private final DeliveryClock clock;
        private final AtomicLong sequence = new AtomicLong();

        Poster(IngestClient ingest, BenchArticles articles, SearchWatch searchWatch, DeliveryClock clock) {
            this.ingest = ingest;
            this.articles = articles;
            this.searchWatch = searchWatch;
            this.clock = clock;
        }

        Phase run(String name, int watches, double rate, Duration posting, int workers) throws Exception {
            Phase phase = new Phase(name, watches, rate, loadAverage());
            clock.newPhase();
            MatchingCost.Reading before = metrics();
            long repeatsBefore = clock.repeats();
            current.set(phase);
            long start = System.nanoTime();
            long end = start + posting.toNanos();
            long steadyFrom = start + Math.min(posting.toNanos() / 3, Duration.ofSeconds(options.warmup).toNanos());
            Pacer pacer = new Pacer(rate);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Thread worker = new Thread(() -> post(pacer, end, phase), "watch-figures-post-" + i);
                threads.add(worker);
                worker.start();
            }
            sleepUntil(steadyFrom);
            long searchableAtSteady = phase.searchableCount.get();
            sleepUntil(end);
            long searchableAtEnd = phase.searchableCount.get();
            for (Thread worker : threads) {
                worker.join();
            }
            phase.steadyRate = (searchableAtEnd - searchableAtSteady) / ((end - steadyFrom) / 1e9);
            long graceEnd = System.nanoTime() + Duration.ofSeconds(options.grace).toNanos();
            long lastSearchable = 0;
            while ((searchWatch.outstanding() > 0 || clock.latencies().count() < phase.expectedDeliveries.get())
                    && System.nanoTime() < graceEnd) {
                if (lastSearchable == 0 && searchWatch.outstanding() == 0) {
                    lastSearchable = System.nanoTime();
                }
                Thread.sleep(100);
            }
            phase.drained = (System.nanoTime() - end) / 1e9;
            phase.cleared = ((lastSearchable == 0 ? System.nanoTime() : lastSearchable) - start) / 1e9;
            current.set(null);
            phase.missing = searchWatch.outstanding();
            // What is still in the pipeline would load the next phase: let it through first, counted in neither.
            long settleEnd = System.nanoTime() + 3 * Duration.ofSeconds(options.grace).toNanos();
            while (searchWatch.outstanding() > 0 && System.nanoTime() < settleEnd) {
                Thread.sleep(100);
            }
            searchWatch.forget();
            // Matching of the last batches ends just after they are searchable.
            Thread.sleep(1_000);
            phase.cost = MatchingCost.between(before, metrics());
            phase.deliveries = clock.latencies();
            phase.repeats = clock.repeats() - repeatsBefore;
            System.out.println("watch-figures: " + phase.line());
            return phase;
        }

        private void post(Pacer pacer, long end, Phase phase) {
            try {
                while (true) {
                    pacer.awaitTurn();
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    long n = sequence.getAndIncrement();
                    int group = mix.groupOf(n);
                    ArticleSubmission drawn = articles.next();
                    ArticleSubmission article = new ArticleSubmission(drawn.headline(),
                            drawn.body() + "\n\n(" + mix.groupWord(group) + ")", drawn.source(), drawn.publishedAt(),
                            drawn.language(), drawn.sourceItemId());
                    long sent = System.nanoTime();
                    try {
                        IngestAnswer answer = ingest.post(article);
                        if (answer.accepted() && answer.id() != null) {
                            clock.posted(answer.id(), sent);
                            searchWatch.watch(answer.id(), sent);
                            phase.accepted.incrementAndGet();
                            if (probing) {
                                phase.expectedDeliveries.addAndGet(mix.probesMatching(group, options.probes));
                            }
                        } else {
                            phase.refused.incrementAndGet();
                        }
                    } catch (IngestFailure e) {
                        phase.refused.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One phase's figures. */
    private static final class Phase {
        final String name;
        final int watches;
        final double rate;
        final String load;
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong expectedDeliveries = new AtomicLong();
        final AtomicLong searchableCount = new AtomicLong();
        final Latencies searchable = new Latencies();
        double steadyRate;
        double cleared;
        double drained;
        int missing;
        MatchingCost cost;
        Latencies deliveries;
        long repeats;

        Phase(String name, int watches, double rate, String load) {
            this.name = name;
            this.watches = watches;
            this.rate = rate;
            this.load = load;
        }

        /**
         * Articles made searchable per second from the first post to the last one searchable: what the stack cleared.
         * Flat out, the steady window's rate reads the pipeline in bursts; this reads the whole of it.
         */
        double clearedRate() {
            return missing > 0 ? Double.NaN : accepted.get() / cleared;
        }

        void searchable(long nanos) {
            searchable.add(nanos);
            searchableCount.incrementAndGet();
        }

        String line() {
            return String.format("%s, %d watches (load %s): %d accepted, searchable %.1f/s (cleared %.1f/s), "
                    + "p50 %.0f ms, p99 %.0f ms, "
                    + "%d not searchable; webhook %d of %d matches (%d repeats), p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, "
                    + "max %.0f ms; "
                    + "bulk %.2f ms/article, matching %.2f ms/article (x%.2f), %.0f matches written; drained %.1f s",
                    name, watches, load, accepted.get(), steadyRate, clearedRate(), searchable.percentileMillis(50),
                    searchable.percentileMillis(99), missing, deliveries.count(), expectedDeliveries.get(), repeats,
                    deliveries.percentileMillis(50), deliveries.percentileMillis(90), deliveries.percentileMillis(99),
                    deliveries.percentileMillis(100), cost.bulkMillisPerArticle(),
                    cost.matchingMillisPerArticle(), cost.ratio(), cost.matches(), drained);
        }
    }

    private void report(List<Phase> phases) {
        System.out.println();
        System.out.printf("%-9s %8s %8s %10s %9s %9s %12s %11s %11s %9s %11s %8s %8s %s%n", "phase", "watches", "accepted",
                "search/s", "p50 ms", "p99 ms", "webhook got", "hook p50", "hook p99", "bulk ms", "matching ms",
                "ratio", "matches", "load");
        Map<Integer, Phase> flatOut = new LinkedHashMap<>();
        List<Phase> withNone = new ArrayList<>();
        for (Phase p : phases) {
            System.out.printf("%-9s %8d %8d %10.1f %9.0f %9.0f %12s %11.0f %11.0f %9.2f %11.2f %8.2f %8.0f %s%n",
                    p.name, p.watches, p.accepted.get(), p.steadyRate, p.searchable.percentileMillis(50),
                    p.searchable.percentileMillis(99), p.deliveries.count() + "/" + p.expectedDeliveries.get(),
                    p.deliveries.percentileMillis(50), p.deliveries.percentileMillis(99),
                    p.cost.bulkMillisPerArticle(), p.cost.matchingMillisPerArticle(), p.cost.ratio(),
                    p.cost.matches(), p.load);
            if (p.name.equals("flat out") && p.watches == 0) {
                withNone.add(p);
            } else if (p.name.equals("flat out")) {
                flatOut.put(p.watches, p);
            }
        }
        double cleared = withNone.stream().mapToDouble(Phase::clearedRate).average().orElse(0);
        double steady = withNone.stream().mapToDouble(p -> p.steadyRate).average().orElse(0);
        if (cleared > 0) {
            String none = withNone.stream().map(p -> String.format("%.1f", p.clearedRate()))
                    .collect(Collectors.joining(" and "));
            flatOut.forEach((watches, p) -> System.out.printf("flat out: %d watches cleared %.1f/s against %.1f/s with"
                            + " none (mean of %s, before and after): %.2f (steady window %.1f/s against %.1f/s)%n",
                    watches, p.clearedRate(), cleared, none, p.clearedRate() / cleared, p.steadyRate, steady));
        }
        System.out.println("search/s: searchable per second in the steady window; p50/p99: POST to searchable; hook: "
                + "POST to the probe's webhook receiving the match; bulk/matching ms: query-service's time per article "
                + "indexed in bulk writes and in matching (ratio matching/bulk); load: 1-minute load average at start");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    /** The command line. */
    static final class Options {
        URI query;
        URI ingest;
        URI elasticsearch;
        Path reuters;
        Path bbc;
        List<Integer> watchCounts = List.of(0, 1_000, 10_000);
        List<Integer> flatOutCounts = List.of(0, 1_000);
        int probes = 20;
        double rate = 20;
        int seconds = 60;
        int warmup = 10;
        int flatSeconds = 45;
        int workers = 8;
        /** Offered in the flat-out phase: above what the stack sustains, yet a backlog it clears in a minute or two. */
        double flatRate = 60;
        int grace = 60;
        int warmFlat = 45;
        int warmWatches = 20;
        long seed = 1;
        boolean keep;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help")) {
                    System.out.println("""
                            --query URL --ingest URL --elasticsearch URL --reuters DIR --bbc DIR  (the script fills these in)
                            --watches 0,1000,10000   watch counts, rising; each keeps the watches of the one before
                            --flat-out 0,1000        counts that also get a flat-out phase (searchable throughput)
                            --probes 20              watches with a webhook, each matching one group of the articles
                            --rate 20 --seconds 60   the paced phase; --warmup 10 s left out of its searchable rate
                            --flat-seconds 45 --flat-rate 60 --workers 8   the flat-out phase: offered above what
                                                     the stack sustains (0: as fast as ingest answers, 8 at a time)
                            --warm-flat 45           seconds of flat-out posting before the first figure
                            --warm-watches 20        seconds of flat-out posting after each registration, before
                                                     that count's figures (0: none)
                            --grace 60               seconds after posting to wait for searchable and deliveries
                            --seed 1                 the standing watches drawn
                            --keep                   leave this run's watches registered""");
                    return null;
                }
                if (arg.equals("--keep")) {
                    o.keep = true;
                    continue;
                }
                String value = args[++i];
                switch (arg) {
                    case "--query" -> o.query = URI.create(value);
                    case "--ingest" -> o.ingest = URI.create(value);
                    case "--elasticsearch" -> o.elasticsearch = URI.create(value);
                    case "--reuters" -> o.reuters = Path.of(value);
                    case "--bbc" -> o.bbc = Path.of(value);
                    case "--watches" -> o.watchCounts = counts(value);
                    case "--flat-out" -> o.flatOutCounts = value.isBlank() ? List.of() : counts(value);
                    case "--probes" -> o.probes = Integer.parseInt(value);
                    case "--rate" -> o.rate = Double.parseDouble(value);
                    case "--seconds" -> o.seconds = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--flat-seconds" -> o.flatSeconds = Integer.parseInt(value);
                    case "--workers" -> o.workers = Integer.parseInt(value);
                    case "--flat-rate" -> o.flatRate = Double.parseDouble(value);
                    case "--grace" -> o.grace = Integer.parseInt(value);
                    case "--warm-flat" -> o.warmFlat = Integer.parseInt(value);
                    case "--warm-watches" -> o.warmWatches = Integer.parseInt(value);
                    case "--seed" -> o.seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg + " (--help lists them)");
                }
            }
            if (o.query == null || o.ingest == null || o.elasticsearch == null) {
                throw new IllegalArgumentException("--query, --ingest and --elasticsearch are needed");
            }
            return o;
        }

        private static List<Integer> counts(String value) {
            List<Integer> counts = new ArrayList<>();
            for (String part : value.split(",")) {
                counts.add(Integer.parseInt(part.strip().replace("_", "")));
            }
            for (int i = 1; i < counts.size(); i++) {
                if (counts.get(i) < counts.get(i - 1)) {
                    throw new IllegalArgumentException("--watches must rise: each count keeps the watches before");
                }
            }
            return counts;
        }
    }
}
