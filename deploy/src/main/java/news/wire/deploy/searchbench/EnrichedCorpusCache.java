package news.wire.deploy.searchbench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.deploy.bbc.BbcCorpus;
import news.wire.deploy.reuters.ArticleSubmission;
import news.wire.deploy.reuters.ReutersCorpus;
import news.wire.deploy.reuters.ReutersStory;
import news.wire.deploy.reuters.StoryTally;

/**
 * Real enriched articles for the search benchmark: Reuters-21578 and BBC News stories, each enriched once by a
 * running enrich-service ({@code POST /v1/enrich}) and kept as JSON lines, so later runs skip the slow part.
 */
public final class EnrichedCorpusCache {


    private final Path file;
    private final URI enrich;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EnrichedCorpusCache(Path file, URI enrich) {
        this.file = file;
        this.enrich = enrich;
    }

    /** The cached lines, enriching the corpora first when there is no cache yet. */
    List<String> lines(Path reuters, Path bbc, int threads) throws IOException, InterruptedException {
        return lines(reuters, bbc, threads, 0);
    }

    /**
     * The same, but a cache built here holds only the first {@code limit} stories of the corpora (Reuters first, then
     * BBC), when {@code limit} is above 0. An existing cache is read whole, whatever limit built it.
     */
    public List<String> lines(Path reuters, Path bbc, int threads, int limit) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            build(reuters, bbc, threads, limit);
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private void build(Path reuters, Path bbc, int threads, int limit) throws IOException, InterruptedException {
        List<Map<String, Object>> requests = new ArrayList<>();
        if (Files.isDirectory(reuters)) {
            try (Stream<ReutersStory> stories = ReutersCorpus.in(reuters).stories(new StoryTally())) {
                stories.forEach(s -> requests.add(Map.of("headline", s.headline(), "body", s.body(),
                        "publishedAt", s.publishedAt().toString(), "source", ArticleSubmission.SOURCE, "language", "en")));
            }
        }
        for (ArticleSubmission s : BbcCorpus.read(bbc)) {
            requests.add(Map.of("headline", s.headline(), "body", s.body(), "publishedAt", s.publishedAt(),
                    "source", s.source(), "language", s.language()));
        }
        if (limit > 0 && requests.size() > limit) {
            requests.subList(limit, requests.size()).clear();
        }
        if (requests.isEmpty()) {
            throw new IOException("No corpus found at " + reuters + " or " + bbc);
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        Iterator<Map<String, Object>> next = requests.iterator();
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            List<Thread> workers = new ArrayList<>();
            List<IOException> failures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        while (true) {
                            Map<String, Object> request;
                            synchronized (next) {
                                if (!next.hasNext()) {
                                    return;
                                }
                                request = next.next();
                            }
                            String enriched = enrich(request);
                            synchronized (out) {
                                out.write(enriched);
                                out.newLine();
                            }
                            int n = done.incrementAndGet();
                            if (n % 1000 == 0) {
                                System.err.printf("enriched %d of %d (%.0f/s)%n", n, requests.size(),
                                        n / ((System.nanoTime() - start) / 1e9));
                            }
                        }
                    } catch (IOException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
        Files.move(partial, file);
        System.err.printf("enriched %d articles in %.0f s through %s%n", done.get(), (System.nanoTime() - start) / 1e9, enrich);
    }

    private String enrich(Map<String, Object> request) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(enrich.resolve("/v1/enrich"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build();
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new IOException("enrich-service answered " + answer.statusCode() + ": " + answer.body());
        }
        // One line per article: the record as enrich-service wrote it, without pretty-printing.
        return json.readTree(answer.body()).toString();
    }
}
