package news.wire.enrich.numbers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import news.wire.enrich.copy.ArticleField;

/** Prints how many articles a second the number extractor reads on one thread, over the shared BBC corpus. */
public final class NumberExtractorBenchmark {

    private NumberExtractorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/bbc_news/bbc");
        if (!Files.isDirectory(corpus)) {
            System.out.println("No corpus at " + corpus.toAbsolutePath() + "; nothing to measure.");
            return;
        }
        List<String> articles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                articles.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        NumberExtractor extractor = new NewsNumberExtractor();
        long chars = articles.stream().mapToLong(String::length).sum();
        // The first rounds warm the JIT up; the last is the figure to quote.
        for (int round = 1; round <= 10; round++) {
            long mentions = 0;
            long started = System.nanoTime();
            for (String article : articles) {
                mentions += extractor.extract(ArticleField.BODY, article).size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("round %2d: %d articles, %d chars, %d figures in %.3f s: %.0f articles/s, %.1f MB/s%n",
                    round, articles.size(), chars, mentions, seconds, articles.size() / seconds,
                    chars / seconds / 1e6);
        }
    }
}
