package news.wire.enrich.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.entities.CapitalisedNameTagger;
import news.wire.enrich.entities.CrfEntityTagger;
import news.wire.enrich.entities.Entity;
import news.wire.enrich.entities.EntityTagger;
import news.wire.enrich.entities.Mention;

/**
 * Scores entity engines on CoNLL-2003 with conlleval's rules: a mention counts only with exact boundaries and type.
 * Each document goes through the engine as one article body (plain text in, entities out), so for the production
 * path title stripping, short-form joining and one type per entity are part of the score.
 *
 * <p>Given the corpus folder it prints, side by side, the bare CRF and the production path on {@code valid.txt} and
 * on a held-out fifth of {@code train.txt} (every fifth document): clean-up rules are tuned on the other four fifths
 * and on valid, and a rule is kept only if it gains on the held-out fifth too. The shipped CRF learned from all of
 * train, so on the held-out fifth it has seen every sentence; only a CRF retrained without that fifth makes the
 * difference between the engines there mean what it would on new copy.
 *
 * <pre>java ... news.wire.enrich.evaluation.ConllEvaluation [conll2003-folder | file.txt]
 *     [--engine both|corenlp-crf|bare-crf|capitalised-names] [--split all|held-out|tuning] [--changes]
 *     [--crf-model retrained.ser.gz [--with-shipped]]</pre>
 *
 * <p>{@code --changes} (with both engines) also lists every mention the clean-up dropped or added. With
 * {@code --crf-model} naming a model {@link CrfTraining} made from the tuning fifths alone, both engines run on it,
 * and the held-out fifth is unseen by the CRF as well as by the rules.
 */
public final class ConllEvaluation {

    record Chunk(int start, int end, String type) {
    }

    /** One -DOCSTART- document: its tokens, sentence breaks and gold chunks (token indices, end exclusive). */
    record Document(List<String> tokens, Set<Integer> sentenceStarts, Set<Chunk> gold) {
    }

    /** Documents scored together, under a label for the tables. */
    record DocumentSet(String label, List<Document> documents) {
    }

    /** type -> {true positives, predicted, gold}; "ALL" sums them. */
    private record Score(Map<String, int[]> counts, double seconds) {

        double f1() {
            return f1(counts.get("ALL"));
        }

        static double f1(int[] c) {
            double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Which documents of train.txt are held out: every fifth, so the split follows the file's own order. */
    private static final int HELD_OUT_EVERY = 5;

    private ConllEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/corpora/conll2003");
        String engine = option(args, "--engine", "both");
        List<DocumentSet> sets = new ArrayList<>();
        if (Files.isDirectory(corpus)) {
            for (String name : List.of("valid.txt", "train.txt")) {
                if (!Files.isRegularFile(corpus.resolve(name))) {
                    System.out.println("skipping: CoNLL-2003 file " + corpus.resolve(name).toAbsolutePath() + " not found");
                    return;
                }
            }
            sets.add(new DocumentSet("valid.txt", read(corpus.resolve("valid.txt"))));
            sets.add(split(corpus.resolve("train.txt"), "held-out"));
        } else if (Files.isRegularFile(corpus)) {
            sets.add(split(corpus, option(args, "--split", "all")));
        } else {
            System.out.println("skipping: CoNLL-2003 corpus " + corpus.toAbsolutePath() + " not found");
            return;
        }
        List<CrfModel> models = models(args);
        List<String> engines = engine.equals("both") ? List.of("bare-crf", "corenlp-crf") : List.of(engine);
        Map<String, Map<String, Score>> scores = new TreeMap<>(); // model and engine -> set -> score
        for (CrfModel model : models) {
            for (String name : engines) {
                long loadStart = System.nanoTime();
                EntityTagger tagger = tagger(name, model.path());
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                for (DocumentSet set : sets) {
                    Score score = score(tagger, set.documents());
                    scores.computeIfAbsent(model.name() + " " + name, n -> new TreeMap<>()).put(set.label(), score);
                    long tokens = set.documents().stream().mapToLong(d -> d.tokens().size()).sum();
                    System.out.printf(Locale.ROOT, "CoNLL-2003 %s: %d documents, %d tokens, engine %s, %s CRF%n",
                            set.label(), set.documents().size(), tokens, tagger.engine(), model.name());
                    System.out.printf(Locale.ROOT, "%-6s %9s %9s %9s %7s %7s %7s%n", "type", "correct",
                            "predicted", "gold", "P", "R", "F1");
                    score.counts().forEach((type, c) -> {
                        if (!type.equals("ALL")) {
                            row(type, c);
                        }
                    });
                    row("ALL", score.counts().get("ALL"));
                    System.out.printf(Locale.ROOT,
                            "model load %.1f s; tagging %.1f s, %.0f tokens/s, %.1f documents/s (one thread)%n%n",
                            loadSeconds, score.seconds(), tokens / score.seconds(),
                            set.documents().size() / score.seconds());
                }
            }
        }
        if (engines.size() == 2 && args.length > 0 && List.of(args).contains("--changes")) {
            printChanges(sets, models.get(models.size() - 1).path());
        }
        if (engines.size() == 2) {
            System.out.println("side by side, span F1 (conlleval rules); the CRF is the shipped model (trained on all "
                    + "of train.txt) or the one retrained on the tuning fifths only");
            System.out.printf(Locale.ROOT, "%-42s %-10s %-5s %9s %11s %9s%n", "documents", "CRF", "type", "bare CRF",
                    "production", "gain");
            for (DocumentSet set : sets) {
                for (CrfModel model : models) {
                    Map<String, int[]> bare = scores.get(model.name() + " bare-crf").get(set.label()).counts();
                    Map<String, int[]> production = scores.get(model.name() + " corenlp-crf").get(set.label())
                            .counts();
                    for (String type : List.of("ALL", "PER", "LOC", "ORG", "MISC")) {
                        double before = Score.f1(bare.getOrDefault(type, new int[3]));
                        double after = Score.f1(production.getOrDefault(type, new int[3]));
                        System.out.printf(Locale.ROOT, "%-42s %-10s %-5s %9.4f %11.4f %+9.4f%n", set.label(),
                                model.name(), type, before, after, after - before);
                    }
                }
            }
        }
    }

    /** A CRF model to score both engines with: the shipped one, or one trained by {@link CrfTraining}. */
    private record CrfModel(String name, String path) {
    }

    /**
     * The retrained CRF when {@code --crf-model} names a file that exists (and the shipped one beside it with
     * {@code --with-shipped}), otherwise the shipped CRF alone.
     */
    private static List<CrfModel> models(String[] args) {
        CrfModel shipped = new CrfModel("shipped", CrfEntityTagger.MODEL);
        String path = option(args, "--crf-model", null);
        if (path == null) {
            return List.of(shipped);
        }
        if (!Files.isRegularFile(Path.of(path))) {
            System.out.println("no retrained CRF at " + Path.of(path).toAbsolutePath()
                    + " (deploy/bench/evaluate-enrich train-crf makes it): scoring with the shipped model");
            return List.of(shipped);
        }
        System.out.println("retrained CRF: " + Path.of(path).toAbsolutePath());
        CrfModel retrained = new CrfModel("retrained", path);
        return List.of(args).contains("--with-shipped") ? List.of(shipped, retrained) : List.of(retrained);
    }

    /**
     * Every mention the clean-up changed, for studying a rule: "-" what the bare CRF had and production dropped, "+"
     * what production has instead, each marked gold or wrong.
     */
    private static void printChanges(List<DocumentSet> sets, String model) {
        EntityTagger bare = tagger("bare-crf", model);
        EntityTagger production = tagger("corenlp-crf", model);
        for (DocumentSet set : sets) {
            for (Document doc : set.documents()) {
                Set<Chunk> before = predict(bare, doc);
                Set<Chunk> after = predict(production, doc);
                for (Chunk c : before) {
                    if (!after.contains(c)) {
                        System.out.println("change " + set.label() + " - " + describe(doc, c));
                    }
                }
                for (Chunk c : after) {
                    if (!before.contains(c)) {
                        System.out.println("change " + set.label() + " + " + describe(doc, c));
                    }
                }
            }
        }
    }

    private static String describe(Document doc, Chunk c) {
        return (doc.gold().contains(c) ? "gold  " : "wrong ") + c.type() + " "
                + String.join(" ", doc.tokens().subList(c.start(), c.end()));
    }

    private static EntityTagger tagger(String engine, String model) {
        return switch (engine) {
            case "capitalised-names" -> new CapitalisedNameTagger();
            case "bare-crf" -> new BareCrfTagger(model);
            case "corenlp-crf" -> new CrfEntityTagger(model);
            default -> throw new IllegalArgumentException("unknown engine " + engine
                    + " (both, corenlp-crf, bare-crf or capitalised-names)");
        };
    }

    /** The documents of one file, all of them or one side of the held-out split. */
    static DocumentSet split(Path file, String split) throws IOException {
        if (!List.of("all", "held-out", "tuning").contains(split)) {
            throw new IllegalArgumentException("unknown split " + split + " (all, held-out or tuning)");
        }
        List<Document> all = read(file);
        List<Document> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean heldOut = i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1;
            if (split.equals("all") || split.equals("held-out") == heldOut) {
                chosen.add(all.get(i));
            }
        }
        String label = file.getFileName() + switch (split) {
            case "held-out" -> " held-out (every 5th document)";
            case "tuning" -> " tuning (the other 4 of 5)";
            default -> "";
        };
        return new DocumentSet(label, chosen);
    }

    private static Score score(EntityTagger tagger, List<Document> documents) {
        Map<String, int[]> counts = new TreeMap<>();
        long start = System.nanoTime();
        for (Document doc : documents) {
            Set<Chunk> predicted = predict(tagger, doc);
            for (Chunk c : predicted) {
                counts.computeIfAbsent(c.type(), t -> new int[3])[1]++;
                if (doc.gold().contains(c)) {
                    counts.get(c.type())[0]++;
                }
            }
            for (Chunk c : doc.gold()) {
                counts.computeIfAbsent(c.type(), t -> new int[3])[2]++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] all = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        }
        counts.put("ALL", all);
        return new Score(counts, seconds);
    }

    private static void row(String type, int[] c) {
        double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
        double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
        double f = Score.f1(c);
        System.out.printf(Locale.ROOT, "%-6s %9d %9d %9d %7.4f %7.4f %7.4f%n", type, c[0], c[1], c[2], p, r, f);
    }

    /** Runs the engine on the document as one article body and maps its mentions back onto token indices. */
    private static Set<Chunk> predict(EntityTagger tagger, Document doc) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[doc.tokens().size()];
        int[] ends = new int[doc.tokens().size()];
        for (int i = 0; i < doc.tokens().size(); i++) {
            if (i > 0) {
                text.append(doc.sentenceStarts().contains(i) ? '\n' : ' ');
            }
            starts[i] = text.length();
            text.append(doc.tokens().get(i));
            ends[i] = text.length();
        }
        Set<Chunk> chunks = new HashSet<>();
        for (Entity entity : tagger.tag("", text.toString())) {
            String type = conllType(entity.type().name());
            for (Mention m : entity.mentions()) {
                if (m.field() != ArticleField.BODY) {
                    continue;
                }
                int first = -1;
                int last = -1;
                for (int i = 0; i < starts.length; i++) {
                    if (ends[i] > m.start() && starts[i] < m.end()) {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                if (first >= 0) {
                    chunks.add(new Chunk(first, last + 1, type));
                }
            }
        }
        return chunks;
    }

    private static String conllType(String type) {
        return switch (type) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION" -> "LOC";
            default -> "MISC";
        };
    }

    private static List<Document> read(Path file) throws IOException {
        List<Document> documents = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        Set<Integer> sentenceStarts = new HashSet<>();
        boolean newSentence = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    documents.add(new Document(List.copyOf(tokens), Set.copyOf(sentenceStarts), chunks(tags)));
                }
                tokens.clear();
                tags.clear();
                sentenceStarts.clear();
                newSentence = true;
                continue;
            }
            if (line.isBlank()) {
                newSentence = true;
                continue;
            }
            String[] columns = line.split(" ");
            if (newSentence) {
                sentenceStarts.add(tokens.size());
                newSentence = false;
            }
            tokens.add(columns[0]);
            // A sentence break also ends a chunk, as conlleval treats it.
            String tag = columns[columns.length - 1];
            tags.add(sentenceStarts.contains(tokens.size() - 1) && tag.startsWith("I-") ? "B-" + tag.substring(2) : tag);
        }
        if (!tokens.isEmpty()) {
            documents.add(new Document(List.copyOf(tokens), Set.copyOf(sentenceStarts), chunks(tags)));
        }
        return documents;
    }

    /** IOB2 (or IOB1) tags to chunks, with conlleval's rule that a type change starts a new chunk. */
    private static Set<Chunk> chunks(List<String> tags) {
        Set<Chunk> chunks = new HashSet<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String tagType = tag.equals("O") ? null : tag.substring(2);
            boolean begins = tag.startsWith("B-") || tagType != null && !tagType.equals(type);
            if (type != null && (tagType == null || begins)) {
                chunks.add(new Chunk(start, i, type));
                type = null;
            }
            if (tagType != null && type == null) {
                start = i;
                type = tagType;
            }
        }
        return chunks;
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
