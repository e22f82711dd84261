package news.wire.deploy.e2ebench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The benchmark's command line; every option has a default the launcher script may override. */
record BenchOptions(URI ingest, URI enrich, URI query, URI elasticsearch, Path home, Path reuters, Path bbc,
        double rate, Duration fixedFor, boolean ramp, double rampFrom, double rampStep, double rampTo,
        Duration stepFor, Duration warmup, Duration grace, Duration poll, int workers, Path csv, Path png,
        String kafka, int floor) {

    static final String USAGE = """
            Options (defaults in brackets):
              --ingest/--enrich/--query/--elasticsearch URL   the running stack [127.0.0.1, launcher's default ports]
              --home DIR          the launcher's PIPELINE_HOME, for the pids whose memory is reported
              --reuters DIR --bbc DIR   the corpora [../shared/corpora/reuters21578, ../shared/corpora/bbc_news/bbc]
              --rate R            the fixed-rate phase, articles/s [20]; 0 skips it
              --seconds T         how long the fixed-rate phase posts [60]
              --no-ramp           skip the search for the highest sustained rate
              --ramp-from R --ramp-step R --ramp-to R   its steps, articles/s [10, 10, 120]
              --step-seconds T    how long each step posts [30]
              --warmup T          seconds at the start of each phase left out of the steady window [10]
              --grace T           seconds after posting for the last articles to become searchable [30]
              --poll-ms N         how often the search for outstanding ids is sent [100]
              --workers N         POSTs in flight at most [8]
              --csv FILE          write the per-second time series
              --png FILE          write a chart of rates, lag and backlog over time
              --kafka HOST:PORT   the stack's plaintext broker, for the floor [127.0.0.1:9092]
              --floor N           articles written straight to Kafka and Elasticsearch after the phases [2000]; 0 skips
            """;

    static BenchOptions parse(String[] args) {
        URI ingest = URI.create("http://127.0.0.1:8081");
        URI enrich = URI.create("http://127.0.0.1:8082");
        URI query = URI.create("http://127.0.0.1:8083");
        URI elasticsearch = URI.create("http://127.0.0.1:9200");
        Path home = Path.of("/var/tmp/wire-pipeline-" + System.getProperty("user.name"));
        Path reuters = Path.of("../shared/corpora/reuters21578");
        Path bbc = Path.of("../shared/corpora/bbc_news/bbc");
        double rate = 20;
        Duration fixedFor = Duration.ofSeconds(60);
        boolean ramp = true;
        double rampFrom = 10;
        double rampStep = 10;
        double rampTo = 120;
        Duration stepFor = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        Duration grace = Duration.ofSeconds(30);
        Duration poll = Duration.ofMillis(100);
        int workers = 8;
        Path csv = null;
        Path png = null;
        String kafka = "127.0.0.1:9092";
        int floor = 2000;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-ramp")) {
                ramp = false;
                continue;
            }
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--ingest" -> ingest = URI.create(value);
                case "--enrich" -> enrich = URI.create(value);
                case "--query" -> query = URI.create(value);
                case "--elasticsearch" -> elasticsearch = URI.create(value);
                case "--home" -> home = Path.of(value);
                case "--reuters" -> reuters = Path.of(value);
                case "--bbc" -> bbc = Path.of(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--seconds" -> fixedFor = Duration.ofSeconds(Long.parseLong(value));
                case "--ramp-from" -> rampFrom = Double.parseDouble(value);
                case "--ramp-step" -> rampStep = Double.parseDouble(value);
                case "--ramp-to" -> rampTo = Double.parseDouble(value);
                case "--step-seconds" -> stepFor = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--grace" -> grace = Duration.ofSeconds(Long.parseLong(value));
                case "--poll-ms" -> poll = Duration.ofMillis(Long.parseLong(value));
                case "--workers" -> workers = Integer.parseInt(value);
                case "--csv" -> csv = Path.of(value);
                case "--png" -> png = Path.of(value);
                case "--kafka" -> kafka = value;
                case "--floor" -> floor = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (warmup.compareTo(fixedFor) >= 0 && rate > 0 || ramp && warmup.compareTo(stepFor) >= 0) {
            throw new IllegalArgumentException("--warmup must be shorter than --seconds and --step-seconds");
        }
        if (ramp && (rampStep <= 0 || rampFrom <= 0 || rampTo < rampFrom)) {
            throw new IllegalArgumentException("--ramp-from, --ramp-step must be > 0 and --ramp-to >= --ramp-from");
        }
        return new BenchOptions(ingest, enrich, query, elasticsearch, home, reuters, bbc, rate, fixedFor, ramp, rampFrom,
                rampStep, rampTo, stepFor, warmup, grace, poll, workers, csv, png, kafka, floor);
    }
}
