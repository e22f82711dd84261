package news.wire.deploy.searchbench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads at least 100,000 enriched articles through query-service's indexer and times typical API calls against
 * the same queries sent straight to Elasticsearch, printing p50/p99 and their ratio.
 *
 * <pre>deploy/bench/search-figures [--articles 100000] [--requests 300] [--skip-load] ...</pre>
 */
public final class SearchBenchmark {

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        ObjectMapper json = new ObjectMapper();
        if (!o.skipLoad()) {
            List<String> lines = new EnrichedCorpusCache(o.cache(), o.enrich()).lines(o.reuters(), o.bbc(), 2);
            long before = count(o.elasticsearch(), json);
            if (before < o.articles()) {
                new ReplicaPublisher(o.kafka(), "articles.enriched").publish(lines, o.articles());
                long start = System.nanoTime();
                long indexed = before;
                while (indexed < o.articles()) {
                    Thread.sleep(1000);
                    indexed = count(o.elasticsearch(), json);
                    System.err.printf("indexed %d of %d%n", indexed, o.articles());
                }
                System.out.printf(Locale.ROOT, "indexing: %d articles in the index %.0f s after publishing ended%n",
                        indexed, (System.nanoTime() - start) / 1e9);
            }
        }
        long indexed = count(o.elasticsearch(), json);
        System.out.printf(Locale.ROOT, "index holds %d articles; %d requests per call after %d warm-up, one at a time, API and direct alternating%n",
                indexed, o.requests(), o.warmup());
        LatencyProbe probe = new LatencyProbe(o.warmup(), o.requests());
        System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %9s %7s %7s %8s%n", "call", "api p50", "api p99", "es p50",
                "es p99", "p50 x", "p99 x", "hits");
        for (QueryMix.Call call : QueryMix.calls(o.entity(), o.entityType(), o.mentionedDay())) {
            LatencyProbe.Figures[] both = probe.compare(o.query().resolve("/v1/articles?" + call.apiQuery()),
                    o.elasticsearch().resolve("/articles/_search"), call.directBody());
            LatencyProbe.Figures api = both[0];
            LatencyProbe.Figures es = both[1];
            long apiTotal = json.readTree(api.lastBody()).path("total").asLong();
            long esTotal = json.readTree(es.lastBody()).path("hits").path("total").path("value").asLong();
            if (apiTotal != esTotal) {
                throw new IllegalStateException(call.name() + ": the API found " + apiTotal + " and Elasticsearch "
                        + esTotal + ", so the two requests are not the same search");
            }
            System.out.printf(Locale.ROOT, "%-36s %9.1f %9.1f %9.1f %9.1f %7.2f %7.2f %8d%n", call.name(), api.p50(),
                    api.p99(), es.p50(), es.p99(), api.p50() / es.p50(), api.p99() / es.p99(), apiTotal);
        }
    }

    private static long count(URI elasticsearch, ObjectMapper json) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(elasticsearch.resolve("/articles/_count")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return 0;
        }
        JsonNode body = json.readTree(answer.body());
        return body.path("count").asLong();
    }

    /** Where the stack and corpora are, and how much to load and ask. */
    record Options(URI query, URI enrich, URI elasticsearch, String kafka, Path reuters, Path bbc, Path cache,
                   int articles, int requests, int warmup, boolean skipLoad, String entity, String entityType,
                   String mentionedDay) {

        static Options parse(String[] args) {
            java.util.Map<String, String> v = new java.util.HashMap<>();
            boolean skipLoad = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--skip-load")) {
                    skipLoad = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    v.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Options(URI.create(v.getOrDefault("query", "http://127.0.0.1:8083")),
                    URI.create(v.getOrDefault("enrich", "http://127.0.0.1:8082")),
                    URI.create(v.getOrDefault("elasticsearch", "http://127.0.0.1:9200")),
                    v.getOrDefault("kafka", "127.0.0.1:9092"),
                    Path.of(v.getOrDefault("reuters", "../shared/corpora/reuters21578")),
                    Path.of(v.getOrDefault("bbc", "../shared/corpora/bbc_news/bbc")),
                    Path.of(v.getOrDefault("cache", "deploy/target/search-bench/enriched.jsonl")),
                    Integer.parseInt(v.getOrDefault("articles", "100000")),
                    Integer.parseInt(v.getOrDefault("requests", "300")),
                    Integer.parseInt(v.getOrDefault("warmup", "50")), skipLoad,
                    v.getOrDefault("entity", "location:united-states"), v.getOrDefault("entity-type", "LOCATION"),
                    v.getOrDefault("mentioned-day", "1987-03-02"));
        }
    }
}
