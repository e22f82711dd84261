package news.wire.deploy.crossdoc;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The evaluation's command line. */
record EvalOptions(List<Replay.Mode> modes, Set<Integer> topics, URI ingest, URI query, double rate,
                   Duration timeout, Path ecbplus, Path reutersCorpus, int reuters, String nonce, long seed,
                   Path mentions) {

    static final String USAGE = """
            crossdoc-eval [options]   replay ECB+ through the running stack and score stories and entity identity
              --mode normal|hard|both|none  normal: each sub-topic its own 48 hours; hard: a topic's two
                                        sub-topics share them; none: no ECB+ replay, only --reuters (default both)
              --topics 1-35             topics to replay, e.g. 1-20 or 1-20,25 (default 1-35)
              --ingest URL              ingest-service (default http://127.0.0.1:8081)
              --query URL               query-service (default http://127.0.0.1:8083)
              --rate N                  articles posted per second (default 20)
              --timeout SECONDS         longest wait for every article to be served (default 900)
              --ecbplus DIR             the ECB+ corpus (default ../shared/corpora/ecbplus beside the repository)
              --reuters N               also post N Reuters-21578 stories with PEOPLE, ORGS or PLACES codes and
                                        score entity identity per code (default 0: not done)
              --reuters-corpus DIR      (default ../shared/corpora/reuters21578 beside the repository)
              --nonce TEXT              run nonce in sourceItemIds and base dates (default: from the clock)
              --seed N                  order and sources of the replay (default 14)
              --mentions FILE           also write every gold mention with the id it was given, one per line
                                        (tab-separated), to study what is split (default: not written)
            """;

    static EvalOptions parse(String[] args, Path corpora) {
        List<Replay.Mode> modes = List.of(Replay.Mode.NORMAL, Replay.Mode.HARD);
        Set<Integer> topics = Topics.parse("1-35");
        URI ingest = URI.create("http://127.0.0.1:8081");
        URI query = URI.create("http://127.0.0.1:8083");
        double rate = 20;
        Duration timeout = Duration.ofSeconds(900);
        Path ecbplus = corpora.resolve("ecbplus");
        Path reutersCorpus = corpora.resolve("reuters21578");
        int reuters = 0;
        String nonce = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
        long seed = 14;
        Path mentions = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value (or unknown option)");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--mode" -> modes = switch (value) {
                        case "normal" -> List.of(Replay.Mode.NORMAL);
                        case "hard" -> List.of(Replay.Mode.HARD);
                        case "both" -> List.of(Replay.Mode.NORMAL, Replay.Mode.HARD);
                        case "none" -> List.of();
                        default -> throw new IllegalArgumentException("--mode: normal, hard, both or none, not " + value);
                    };
                    case "--topics" -> topics = Topics.parse(value);
                    case "--ingest" -> ingest = URI.create(value.replaceAll("/+$", ""));
                    case "--query" -> query = URI.create(value.replaceAll("/+$", ""));
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
                    case "--ecbplus" -> ecbplus = Path.of(value);
                    case "--reuters" -> reuters = Integer.parseInt(value);
                    case "--reuters-corpus" -> reutersCorpus = Path.of(value);
                    case "--nonce" -> nonce = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--mentions" -> mentions = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a number: " + value);
            }
        }
        if (rate <= 0 || reuters < 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--rate and --timeout must be positive, --reuters at least 0");
        }
        return new EvalOptions(modes, topics, ingest, query, rate, timeout, ecbplus, reutersCorpus, reuters, nonce,
                seed, mentions);
    }

    static final class HelpRequested extends RuntimeException {
    }
}
