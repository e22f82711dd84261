package news.wire.deploy.reuters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Load driver: posts the Reuters-21578 stories to ingest-service, one by one or in NDJSON batches, and prints what
 * ingest made of them with throughput and latency figures.
 */
public final class ReutersImport {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int NO_CORPUS = 2;
    static final int USAGE = 64;

    private ReutersImport() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs an import and returns the exit code: 0 done, 1 a request failed, 2 no corpus, 64 bad command line. */
    static int run(PrintStream out, PrintStream err, String... args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(ImportOptions.USAGE);
            return OK;
        }
        ImportOptions options;
        try {
            options = ImportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import-reuters: " + e.getMessage());
            err.print(ImportOptions.USAGE);
            return USAGE;
        }
        ReutersCorpus corpus;
        try {
            corpus = ReutersCorpus.in(options.corpus());
        } catch (IOException e) {
            err.println("import-reuters: no Reuters-21578 corpus (reut2-*.sgm) at " + options.corpus().toAbsolutePath().normalize());
            return NO_CORPUS;
        }

        out.printf("import-reuters: %s -> %s, %s, concurrency %d%s%s%n", corpus.folder(), options.ingest(),
                options.single() ? "single POSTs" : "NDJSON batches of " + options.batchSize(), options.concurrency(),
                options.rate() > 0 ? String.format(Locale.ROOT, ", %.1f/s", options.rate()) : "",
                options.limit() == Long.MAX_VALUE ? "" : ", limit " + options.limit());
        StoryTally stories = new StoryTally();
        ImportTally tally = new ImportTally();
        ImportRun run = new ImportRun(options, new IngestClient(options.ingest(), new ObjectMapper()), tally);
        long start = System.nanoTime();
        try (Stream<ReutersStory> read = corpus.stories(stories)) {
            run.post(read.iterator());
        } catch (UncheckedIOException e) {
            err.println("import-reuters: " + e.getMessage() + ": " + e.getCause().getMessage());
            return FAILED;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        report(out, options, stories, tally, seconds, run.stopped());
        if (options.kafkaBaseline() != null && tally.posted() > 0) {
            double ingestRate = tally.posted() / seconds;
            try (Stream<ReutersStory> again = corpus.stories(new StoryTally())) {
                double kafkaRate = new KafkaBaseline(options.kafkaBaseline(), new ObjectMapper())
                        .produce(again.limit(tally.posted()).iterator());
                out.printf(Locale.ROOT, "%-18s %.0f articles/s produced straight to Kafka (same articles, acks=all)%n",
                        "kafka baseline", kafkaRate);
                out.printf(Locale.ROOT, "%-18s %.2f (ingest / raw Kafka producer)%n", "ratio", ingestRate / kafkaRate);
            }
        }
        return tally.failedRequests() > 0 || tally.failedArticles() > 0 ? FAILED : OK;
    }

    private static void report(PrintStream out, ImportOptions options, StoryTally stories, ImportTally tally,
            double seconds, String stopped) {
        if (stopped != null) {
            out.println("stopped early: " + stopped);
        }
        out.printf(Locale.ROOT, "%-18s %d (corpus: %s)%n", "stories read", tally.read(), stories);
        out.printf(Locale.ROOT, "%-18s %d%n", "posted", tally.posted());
        out.printf(Locale.ROOT, "%-18s %d%n", "accepted (202)", tally.accepted());
        out.printf(Locale.ROOT, "%-18s %d%n", "duplicates (200)", tally.duplicates());
        out.printf(Locale.ROOT, "%-18s %d%n", "rejected (4xx)", tally.rejected());
        tally.rejections().forEach(rejection -> out.println("    " + rejection));
        out.printf(Locale.ROOT, "%-18s %d articles in %d failed requests%n", "failed", tally.failedArticles(),
                tally.failedRequests());
        tally.failures().forEach(failure -> out.println("    " + failure));
        out.printf(Locale.ROOT, "%-18s %.1f s%n", "elapsed", seconds);
        out.printf(Locale.ROOT, "%-18s %.0f articles/s (posted)%n", "throughput", tally.posted() / seconds);
        Latencies latencies = tally.latencies();
        String unit = options.single() ? "requests" : "batches of up to " + options.batchSize();
        if (latencies.count() == 0) {
            out.printf(Locale.ROOT, "%-18s none: no %s answered%n", "latency", unit);
        } else {
            out.printf(Locale.ROOT, "%-18s p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d %s%n", "latency",
                    latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100),
                    latencies.count(), unit);
        }
    }
}
