package news.wire.deploy.crossdoc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.deploy.reuters.ArticleSubmission;
import news.wire.deploy.reuters.IngestAnswer;
import news.wire.deploy.reuters.IngestClient;
import news.wire.deploy.reuters.IngestFailure;
import news.wire.deploy.reuters.Pacer;
import news.wire.deploy.reuters.ReutersCorpus;
import news.wire.deploy.reuters.ReutersStory;
import news.wire.deploy.reuters.StoryTally;

/**
 * Replays ECB+ (and optionally coded Reuters-21578 stories) through the running stack and prints how well it
 * groups articles into stories and one real-world entity under one id (issue 14). A program that prints figures,
 * not a test: the figures are a baseline to improve on, not a bar to pass.
 */
public final class CrossdocEvaluation {

    /** Replays take blocks of years, a mode per half, between these years (far from Reuters' 1987). */
    private static final int FIRST_YEAR = 1801;
    private static final int BLOCK_YEARS = 6;
    private static final int BLOCKS = 30;

    private final EvalOptions options;
    private final PrintStream out;
    private final IngestClient ingest;
    private final QueryClient query;

    private CrossdocEvaluation(EvalOptions options, PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        this.options = options;
        this.out = out;
        this.ingest = new IngestClient(options.ingest(), json);
        this.query = new QueryClient(options.query(), json);
    }

    public static void main(String[] args) throws Exception {
        EvalOptions options;
        try {
            options = EvalOptions.parse(args, corpora());
        } catch (EvalOptions.HelpRequested e) {
            System.out.print(EvalOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("crossdoc-eval: " + e.getMessage());
            System.err.print(EvalOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new CrossdocEvaluation(options, System.out).run();
        } catch (IngestFailure | IOException e) {
            System.err.println("crossdoc-eval: " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@code ../shared/corpora} beside the repository root (the folder holding deploy/local/pipeline). */
    private static Path corpora() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/local/pipeline"))) {
                return dir.resolve("../shared/corpora").normalize();
            }
        }
        return Path.of("../shared/corpora");
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        if (options.modes().isEmpty()) {
            out.println("crossdoc-eval: --mode none: no ECB+ replay.");
        } else if (!Files.isDirectory(options.ecbplus())) {
            out.println("crossdoc-eval: no ECB+ corpus at " + options.ecbplus() + "; ECB+ figures skipped.");
        } else {
            List<EcbDocument> documents = EcbReader.read(options.ecbplus(), options.topics());
            if (documents.isEmpty()) {
                out.println("crossdoc-eval: no ECB+ files for topics " + options.topics() + "; ECB+ figures skipped.");
            } else {
                int block = freeBlock();
                for (Replay.Mode mode : options.modes()) {
                    Instant base = LocalDate.of(FIRST_YEAR + block * BLOCK_YEARS + (mode == Replay.Mode.HARD ? 3 : 0),
                            1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    replay(documents, mode, base);
                }
            }
        }
        if (options.reuters() > 0) {
            reuters();
        }
        out.printf("%nrun time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * A block of years no earlier run on this stack used: the one the nonce points at, or the next with no story,
     * so two runs never see each other's articles in their story windows.
     */
    private int freeBlock() throws IOException, InterruptedException {
        int first = Math.floorMod(options.nonce().hashCode(), BLOCKS);
        for (int i = 0; i < BLOCKS; i++) {
            int block = (first + i) % BLOCKS;
            Instant from = LocalDate.of(FIRST_YEAR + block * BLOCK_YEARS, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = LocalDate.of(FIRST_YEAR + (block + 1) * BLOCK_YEARS, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!query.anyStoryBetween(from, to)) {
                return block;
            }
        }
        throw new IOException("every block of years from " + FIRST_YEAR + " holds stories already: use a fresh stack");
    }

    private void replay(List<EcbDocument> documents, Replay.Mode mode, Instant base) throws Exception {
        List<Replay.Item> items = Replay.schedule(documents, mode, base, options.nonce(), options.seed());
        out.printf("%n== ECB+ %s mode: %d documents of topics %s, from %s, run %s ==%n", mode.label(), items.size(),
                ranges(options.topics()), base.toString().substring(0, 10), options.nonce());
        long start = System.nanoTime();
        Map<String, Replay.Item> posted = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Map<String, ArticleText> texts = new HashMap<>();
        // One article after another in publication order, as a wire would send them; a schedule per replay, so the
        // wait for the previous one is not made up for with a burst.
        Pacer pacer = new Pacer(options.rate());
        for (Replay.Item item : items) {
            ArticleText text = ArticleText.of(item.document());
            String id = post(pacer, new ArticleSubmission(text.headline(), text.body(), item.source(),
                    item.publishedAt().toString(), "en", item.sourceItemId()), item.document().name());
            if (id != null) {
                posted.put(id, item);
                ids.add(id);
                texts.put(id, text);
            }
        }
        out.printf("  posted %d in %.1f s; waiting until query-service serves them%n", ids.size(),
                (System.nanoTime() - start) / 1e9);
        Map<String, JsonNode> records = Served.await(query, ids, options.timeout(), out);
        out.printf("  all served %.1f s after the first post%n%n", (System.nanoTime() - start) / 1e9);

        Map<String, String> goldStory = new HashMap<>();
        Map<String, String> systemStory = new HashMap<>();
        EntityFigures entities = new EntityFigures();
        List<String> mentionLines = new ArrayList<>();
        for (String id : ids) {
            JsonNode record = records.get(id);
            EcbDocument document = posted.get(id).document();
            goldStory.put(id, document.goldStory());
            String storyId = record.path("storyId").asText(id);
            systemStory.put(id, query.canonicalStory(storyId));
            List<MentionMatch.Tagged> tagged = SystemEntities.of(record, query).stream()
                    .flatMap(e -> e.mentions().stream()).toList();
            ArticleText text = texts.get(id);
            for (EcbDocument.GoldMention gold : document.mentions()) {
                ArticleText.Span span = text.span(gold.tokenIds());
                MentionMatch.Tagged best = span == null ? null : MentionMatch.best(span, tagged);
                String written = span == null ? "?" : field(text, span.field()).substring(span.start(), span.end());
                entities.add(document.name() + "#" + gold.markableId(), gold.chain(), written,
                        best == null ? null : best.entity());
                if (best != null) {
                    mentionLines.add(String.join("\t", mode.name().toLowerCase(Locale.ROOT),
                            document.name(), gold.chain(), written.replaceAll("\\s+", " "),
                            field(text, best.field()).substring(best.start(), best.end()).replaceAll("\\s+", " "),
                            best.entity()));
                }
            }
        }
        if (options.mentions() != null) {
            // Appended, so both modes of one run land in one file; the first column says which.
            Files.write(options.mentions(), mentionLines, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        StoryFigures.of(goldStory, systemStory).print(out);
        out.println();
        entities.print(out);
    }

    private static String field(ArticleText text, String field) {
        return field.equals("headline") ? text.headline() : text.body();
    }

    /** Posts one article at the paced rate; its id, or null (with a line saying why) when ingest refused it. */
    private String post(Pacer pacer, ArticleSubmission article, String what) throws IngestFailure, InterruptedException {
        pacer.awaitTurn();
        IngestAnswer answer = ingest.post(article);
        if (answer.id() == null) {
            out.printf("  %s refused by ingest (%d): %s%n", what, answer.status(), answer.problem());
        }
        return answer.id();
    }

    private void reuters() throws Exception {
        out.printf("%n== Reuters-21578: %d stories with PEOPLE, ORGS or PLACES codes, run %s ==%n", options.reuters(),
                options.nonce());
        List<ReutersStory> stories;
        try (Stream<ReutersStory> all = ReutersCorpus.in(options.reutersCorpus()).stories(new StoryTally())) {
            stories = all.filter(s -> !s.people().isEmpty() || !s.orgs().isEmpty() || !s.places().isEmpty())
                    .limit(options.reuters()).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            out.println("crossdoc-eval: no Reuters-21578 corpus at " + options.reutersCorpus() + "; skipped.");
            return;
        }
        long start = System.nanoTime();
        Map<String, ReutersStory> posted = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Pacer pacer = new Pacer(options.rate());
        for (ReutersStory story : stories) {
            // The nonce makes each run's copy new, so it is enriched by today's stack rather than found a duplicate.
            String id = post(pacer, new ArticleSubmission(story.headline(), story.body(), ArticleSubmission.SOURCE,
                    story.publishedAt().toString(), "en", "crossdoc:" + options.nonce() + ":" + story.sourceItemId()),
                    story.sourceItemId());
            if (id != null) {
                posted.put(id, story);
                ids.add(id);
            }
        }
        out.printf("  posted %d in %.1f s; waiting until query-service serves them%n", ids.size(),
                (System.nanoTime() - start) / 1e9);
        Map<String, JsonNode> records = Served.await(query, ids, options.timeout(), out);
        out.printf("  all served %.1f s after the first post%n%n", (System.nanoTime() - start) / 1e9);
        ReutersCodeFigures figures = new ReutersCodeFigures();
        for (String id : ids) {
            ReutersStory story = posted.get(id);
            Map<ReutersCodeFigures.Category, List<String>> codes = new EnumMap<>(ReutersCodeFigures.Category.class);
            codes.put(ReutersCodeFigures.Category.PEOPLE, story.people());
            codes.put(ReutersCodeFigures.Category.ORGS, story.orgs());
            codes.put(ReutersCodeFigures.Category.PLACES, story.places());
            figures.add(new ReutersCodeFigures.CodedStory(codes, SystemEntities.of(records.get(id), query)));
        }
        figures.print(out);
    }

    /** Topics as ranges again, for the header: 1-35 rather than 35 numbers. */
    static String ranges(java.util.Set<Integer> topics) {
        List<String> parts = new ArrayList<>();
        Integer from = null;
        Integer last = null;
        for (int t : topics) {
            if (last != null && t == last + 1) {
                last = t;
                continue;
            }
            if (from != null) {
                parts.add(from.equals(last) ? "" + from : from + "-" + last);
            }
            from = t;
            last = t;
        }
        if (from != null) {
            parts.add(from.equals(last) ? "" + from : from + "-" + last);
        }
        return parts.stream().collect(Collectors.joining(","));
    }
}
