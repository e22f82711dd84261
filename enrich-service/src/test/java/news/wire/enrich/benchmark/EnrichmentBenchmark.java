package news.wire.enrich.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.DateExtractor;
import news.wire.enrich.dates.NewsDateExtractor;
import news.wire.enrich.enrichment.ArticleEnricher;
import news.wire.enrich.enrichment.RawArticle;
import news.wire.enrich.entities.CrfEntityTagger;
import news.wire.enrich.entities.EntityTagger;
import news.wire.enrich.languages.LanguageDetection;
import news.wire.enrich.numbers.NewsNumberExtractor;
import news.wire.enrich.numbers.NumberExtractor;

/**
 * Enriches full BBC News articles (language detection, then the three engines) and prints articles/s on one thread
 * (one core) and on several, the time each engine takes, the heap the language detector holds and the heap used.
 * Run it with the service's heap budget (-Xmx512m).
 *
 * <pre>java -Xmx512m ... news.wire.enrich.benchmark.EnrichmentBenchmark [bbc dir] [--threads N] [--passes P]</pre>
 */
public final class EnrichmentBenchmark {

    /** BBC stories are from 2004-05; relative dates are read against a fixed day in that span. */
    private static final Instant PUBLISHED = Instant.parse("2005-01-15T12:00:00Z");

    private EnrichmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/corpora/bbc_news/bbc");
        int threads = Integer.parseInt(option(args, "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int passes = Integer.parseInt(option(args, "--passes", "2"));
        if (!Files.isDirectory(dir)) {
            System.out.println("skipping: BBC News corpus " + dir.toAbsolutePath() + " not found");
            return;
        }
        List<RawArticle> articles = read(dir);
        long words = articles.stream().mapToLong(a -> a.body().split("\\s+").length + a.headline().split("\\s+").length).sum();

        long heapBefore = liveHeap();
        long loadStart = System.nanoTime();
        LanguageDetection languages = new LanguageDetection();
        System.out.printf(Locale.ROOT, "language detector: loaded in %d ms, %d MB live heap%n",
                (System.nanoTime() - loadStart) / 1_000_000, (liveHeap() - heapBefore) >> 20);
        EntityTagger entities = new CrfEntityTagger();
        NumberExtractor numbers = new NewsNumberExtractor();
        DateExtractor dates = new NewsDateExtractor();
        ArticleEnricher enricher = new ArticleEnricher(languages, entities, numbers, dates, Clock.systemUTC());

        System.out.printf(Locale.ROOT, "BBC News: %d articles, %d words (%.0f words/article); heap limit %d MB; %d cores%n",
                articles.size(), words, (double) words / articles.size(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < Math.min(300, articles.size()); i++) {
            enricher.enrich(articles.get(i)); // warm-up: JIT and the CRF's caches
        }

        long[] engineNanos = new long[4];
        for (RawArticle a : articles) {
            long tl = System.nanoTime();
            languages.of(a.headline(), a.body(), a.language());
            engineNanos[3] += System.nanoTime() - tl;
            long t0 = System.nanoTime();
            entities.tag(a.headline(), a.body());
            long t1 = System.nanoTime();
            numbers.extract(ArticleField.HEADLINE, a.headline());
            numbers.extract(ArticleField.BODY, a.body());
            long t2 = System.nanoTime();
            dates.extract(ArticleField.HEADLINE, a.headline(), a.publishedAt().atZone(ZoneOffset.UTC));
            dates.extract(ArticleField.BODY, a.body(), a.publishedAt().atZone(ZoneOffset.UTC));
            long t3 = System.nanoTime();
            engineNanos[0] += t1 - t0;
            engineNanos[1] += t2 - t1;
            engineNanos[2] += t3 - t2;
        }
        System.out.printf(Locale.ROOT, "%-10s %12s %14s%n", "engine", "ms/article", "articles/s");
        String[] names = {entities.engine(), numbers.engine(), dates.engine(), LanguageDetection.ENGINE};
        for (int i = 0; i < names.length; i++) {
            double ms = engineNanos[i] / 1e6 / articles.size();
            System.out.printf(Locale.ROOT, "%-26s %8.3f %12.0f%n", names[i], ms, 1000 / ms);
        }

        for (int n : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
            Run run = run(enricher, articles, n, passes);
            double rate = (double) articles.size() * passes / run.seconds();
            System.out.printf(Locale.ROOT,
                    "all engines, %d thread(s): %.1f articles/s (%.1f per thread), %d passes in %.1f s, %d tags/pass%n",
                    n, rate, rate / n, passes, run.seconds(), run.tagsPerPass());
        }
        long used = liveHeap();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "heap: %d MB live after GC, %d MB peak (sum of pool peaks), limit %d MB%n",
                used >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private record Run(double seconds, long tagsPerPass) {
    }

    private static Run run(ArticleEnricher enricher, List<RawArticle> articles, int threads, int passes)
            throws InterruptedException {
        AtomicLong tags = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                for (int p = 0; p < passes; p++) {
                    for (int i = first; i < articles.size(); i += threads) {
                        var enriched = enricher.enrich(articles.get(i));
                        tags.addAndGet(enriched.entities().size() + enriched.numbers().size() + enriched.dates().size());
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Run((System.nanoTime() - start) / 1e9, tags.get() / passes);
    }

    private static List<RawArticle> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<RawArticle> articles = new ArrayList<>(files.size());
        for (Path file : files) {
            String text = decode(Files.readAllBytes(file)).strip();
            int newline = text.indexOf('\n');
            if (newline < 0) {
                continue;
            }
            articles.add(new RawArticle(RawArticle.SCHEMA, UUID.randomUUID(), 1, "bbc", text.substring(0, newline).strip(),
                    text.substring(newline + 1).strip(), "en", PUBLISHED, PUBLISHED, null, null, null, null, null,
                    null));
        }
        return articles;
    }

    /** The corpus is UTF-8 but for a file or two in latin-1. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
