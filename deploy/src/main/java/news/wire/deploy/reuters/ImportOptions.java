package news.wire.deploy.reuters;

import java.net.URI;
import java.nio.file.Path;

/**
 * What one run of {@link ReutersImport} does, from its command line.
 *
 * @param corpus folder of {@code reut2-*.sgm} files
 * @param ingest base URL of ingest-service
 * @param batchSize articles per NDJSON batch, or 0 to post one article per request
 * @param limit most stories to post
 * @param concurrency requests in flight at once
 * @param rate single POSTs started per second, or 0 for as fast as the concurrency allows
 */
record ImportOptions(Path corpus, URI ingest, int batchSize, long limit, int concurrency, double rate,
        String kafkaBaseline) {

    static final String USAGE = """
            usage: import-reuters [--corpus DIR] [--ingest URL] [--batch N | --single] [--limit N]
                                  [--concurrency C] [--rate R]
              --corpus DIR       Reuters-21578 folder (reut2-*.sgm); default ../shared/corpora/reuters21578
                                 beside the repository
              --ingest URL       ingest-service base URL; default http://127.0.0.1:8081
              --batch N          NDJSON batches of N articles to /v1/articles:batch (the default, N = 500)
              --single           one POST /v1/articles per article
              --limit N          post at most N stories
              --concurrency C    requests in flight at once; default 4
              --rate R           start R single POSTs per second (implies --single); 0 = as fast as possible
              --kafka-baseline B after the run, produce the same articles straight to Kafka at bootstrap B
                                 (idempotent, acks=all) and print ingest's rate as a ratio of that
            """;

    static final int DEFAULT_BATCH = 500;
    static final int DEFAULT_CONCURRENCY = 4;
    static final URI DEFAULT_INGEST = URI.create("http://127.0.0.1:8081");

    boolean single() {
        return batchSize == 0;
    }

    /** The options, or IllegalArgumentException saying what is wrong with the command line. */
    static ImportOptions parse(String... args) {
        Path corpus = null;
        URI ingest = DEFAULT_INGEST;
        Integer batch = null;
        boolean single = false;
        long limit = Long.MAX_VALUE;
        int concurrency = DEFAULT_CONCURRENCY;
        double rate = 0;
        String kafkaBaseline = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--single" -> single = true;
                case "--corpus" -> corpus = Path.of(value(args, ++i, option));
                case "--ingest" -> ingest = url(value(args, ++i, option));
                // ingest reads at most 10,000 articles of a batch (ingest.limits.max-batch-lines' default).
                case "--batch" -> batch = (int) number(args, ++i, option, 1, 10_000);
                case "--limit" -> limit = number(args, ++i, option, 0, Long.MAX_VALUE);
                case "--concurrency" -> concurrency = (int) number(args, ++i, option, 1, 1_000);
                case "--rate" -> rate = rate(value(args, ++i, option));
                case "--kafka-baseline" -> kafkaBaseline = value(args, ++i, option);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (batch != null && (single || rate > 0)) {
            throw new IllegalArgumentException("--batch cannot go with --single or --rate: --rate paces single POSTs");
        }
        int batchSize = single || rate > 0 ? 0 : batch == null ? DEFAULT_BATCH : batch;
        return new ImportOptions(corpus == null ? ReutersCorpus.defaultFolder() : corpus, ingest, batchSize, limit,
                concurrency, rate, kafkaBaseline);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long number(String[] args, int index, String option, long min, long max) {
        String value = value(args, index, option);
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }

    private static double rate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--rate must be 0 or more, not " + value);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate needs a number, not " + value);
        }
    }

    private static URI url(String value) {
        URI url;
        try {
            url = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("--ingest needs an http(s) URL, not " + value);
        }
        return url;
    }
}
