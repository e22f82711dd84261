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
 * Scores an entity engine on CoNLL-2003 with conlleval's rules: a mention counts only with exact boundaries and
 * type. Each document goes through the production path (plain text in, grouped entities out), so title stripping,
 * short-form joining and one type per entity are part of the score.
 *
 * <pre>java ... news.wire.enrich.evaluation.ConllEvaluation [valid.txt] [--engine corenlp-crf|capitalised-names]</pre>
 */
public final class ConllEvaluation {

    private record Chunk(int start, int end, String type) {
    }

    /** One -DOCSTART- document: its tokens, sentence breaks and gold chunks (token indices, end exclusive). */
    private record Document(List<String> tokens, Set<Integer> sentenceStarts, Set<Chunk> gold) {
    }

    private ConllEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
                : "../shared/corpora/conll2003/valid.txt");
        String engine = option(args, "--engine", "corenlp-crf");
        if (!Files.isRegularFile(file)) {
            System.out.println("skipping: CoNLL-2003 file " + file.toAbsolutePath() + " not found");
            return;
        }
        List<Document> documents = read(file);
        long loadStart = System.nanoTime();
        EntityTagger tagger = engine.equals("capitalised-names") ? new CapitalisedNameTagger() : new CrfEntityTagger();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Map<String, int[]> counts = new TreeMap<>(); // type -> {true positives, predicted, gold}
        long tokens = 0;
        long start = System.nanoTime();
        for (Document doc : documents) {
            tokens += doc.tokens().size();
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

        System.out.printf(Locale.ROOT, "CoNLL-2003 %s: %d documents, %d tokens, engine %s%n",
                file.getFileName(), documents.size(), tokens, tagger.engine());
        System.out.printf(Locale.ROOT, "%-6s %9s %9s %9s %7s %7s %7s%n", "type", "correct", "predicted", "gold",
                "P", "R", "F1");
        int[] all = new int[3];
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            row(e.getKey(), e.getValue());
            for (int i = 0; i < 3; i++) {
                all[i] += e.getValue()[i];
            }
        }
        row("ALL", all);
        System.out.printf(Locale.ROOT, "model load %.1f s; tagging %.1f s, %.0f tokens/s, %.1f documents/s (one thread)%n",
                loadSeconds, seconds, tokens / seconds, documents.size() / seconds);
    }

    private static void row(String type, int[] c) {
        double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
        double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
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
