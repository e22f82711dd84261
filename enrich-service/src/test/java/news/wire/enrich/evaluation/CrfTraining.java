package news.wire.enrich.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import news.wire.enrich.entities.CrfEntityTagger;

/**
 * Trains the CoNLL 4-class CRF again, with the properties CoreNLP trained the shipped model with, on the four tuning
 * fifths of CoNLL-2003 {@code train.txt} only. The shipped model learned from all of train, so on the held-out fifth
 * it is scored on sentences it was trained on; a model trained without that fifth makes the held-out comparison
 * between the bare CRF and the production path an honest one.
 *
 * <pre>java ... news.wire.enrich.evaluation.CrfTraining conll2003-folder corenlp-models.jar output.ser.gz [threads]</pre>
 *
 * <p>Beside the model it leaves the training file (word and label, tab-separated) and the word clusters the
 * features need. The model is large (about 18 MB) and derived from CoNLL: it belongs in a cache, never in the
 * repository.
 */
public final class CrfTraining {

    /** The properties file CoreNLP ships next to the model in its models jar. */
    static final String SHIPPED_PROPERTIES = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.prop";

    private CrfTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CrfTraining conll2003-folder corenlp-models.jar output.ser.gz [threads]");
            System.exit(2);
        }
        Path train = Path.of(args[0]).resolve("train.txt");
        Path modelsJar = Path.of(args[1]);
        Path model = Path.of(args[2]).toAbsolutePath();
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (!Files.isRegularFile(train)) {
            System.out.println("skipping: CoNLL-2003 file " + train.toAbsolutePath() + " not found");
            return;
        }
        if (!Files.isRegularFile(modelsJar)) {
            System.out.println("skipping: CoreNLP models jar " + modelsJar.toAbsolutePath() + " not found");
            return;
        }
        Files.createDirectories(model.getParent());
        Path trainingFile = model.resolveSibling("crf-tuning-fifths.tsv");
        Path clusters = model.resolveSibling("egw4-reut.512.clusters");

        ConllEvaluation.DocumentSet tuning = ConllEvaluation.split(train, "tuning");
        int tokens = writeTrainingFile(tuning, trainingFile);
        System.out.printf(Locale.ROOT, "training file %s: %d documents, %d tokens%n", trainingFile,
                tuning.documents().size(), tokens);
        int words = writeClusters(clusters);
        System.out.printf(Locale.ROOT, "word clusters %s: %d words%n", clusters, words);

        Properties properties = shippedProperties(modelsJar);
        properties.remove("testFile");
        properties.setProperty("trainFile", trainingFile.toString());
        properties.setProperty("distSimLexicon", clusters.toString());
        properties.setProperty("serializeTo", model.toString());
        // Threads only split the gradient's sum; the features, prior and optimiser are the shipped model's.
        properties.setProperty("multiThreadGrad", Integer.toString(threads));
        System.out.println("properties " + new TreeMap<>(properties));

        long start = System.nanoTime();
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(properties);
        crf.train();
        // Written aside and moved into place, so an interrupted run never leaves a half model for the evaluation.
        // The name keeps the model's ending: CoreNLP compresses only what it writes to a name ending in ".gz".
        Path partial = model.resolveSibling("partial-" + model.getFileName());
        crf.serializeClassifier(partial.toString());
        Files.move(partial, model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(Locale.ROOT, "model %s written after %.1f min of training%n", model,
                (System.nanoTime() - start) / 60e9);
    }

    /**
     * One token per line, word and label, a blank line after each sentence. Labels are the shipped model's classes
     * (PERSON, LOCATION, ORGANIZATION, MISC, O): inside-outside, not CoNLL's B-/I- prefixes.
     */
    private static int writeTrainingFile(ConllEvaluation.DocumentSet set, Path file) throws IOException {
        int count = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ConllEvaluation.Document doc : set.documents()) {
                String[] labels = new String[doc.tokens().size()];
                java.util.Arrays.fill(labels, "O");
                for (ConllEvaluation.Chunk chunk : doc.gold()) {
                    for (int i = chunk.start(); i < chunk.end(); i++) {
                        labels[i] = className(chunk.type());
                    }
                }
                for (int i = 0; i < labels.length; i++) {
                    if (i > 0 && doc.sentenceStarts().contains(i)) {
                        out.write('\n');
                    }
                    out.write(doc.tokens().get(i) + "\t" + labels[i] + "\n");
                    count++;
                }
                out.write('\n');
            }
        }
        return count;
    }

    private static String className(String conllType) {
        return switch (conllType) {
            case "PER" -> "PERSON";
            case "LOC" -> "LOCATION";
            case "ORG" -> "ORGANIZATION";
            default -> "MISC";
        };
    }

    /**
     * The distributional-similarity clusters (egw4-reut.512) are not published apart from the models, but every
     * serialized CRF carries the table it was trained with; the retrained model gets the very same one. Words are
     * stored lower-cased with digits as 9, which reading them back leaves as they are.
     */
    private static int writeClusters(Path file) throws IOException, ReflectiveOperationException {
        CRFClassifier<CoreLabel> shipped = CrfEntityTagger.classifier(CrfEntityTagger.MODEL);
        Field factories = AbstractSequenceClassifier.class.getDeclaredField("featureFactories");
        factories.setAccessible(true);
        Field lexicon = NERFeatureFactory.class.getDeclaredField("lexicon");
        lexicon.setAccessible(true);
        Map<?, ?> clusters = null;
        for (Object factory : (List<?>) factories.get(shipped)) {
            if (factory instanceof NERFeatureFactory<?>) {
                clusters = (Map<?, ?>) lexicon.get(factory);
            }
        }
        if (clusters == null) {
            throw new IllegalStateException("the shipped model carries no word clusters");
        }
        List<String> lines = new ArrayList<>(clusters.size());
        clusters.forEach((word, cluster) -> {
            // A word with a space in it could never match a CoNLL token, and would not read back as one word.
            if (!word.toString().matches(".*\\s.*")) {
                lines.add(word + "\t" + cluster);
            }
        });
        lines.sort(null);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return lines.size();
    }

    private static Properties shippedProperties(Path modelsJar) throws IOException {
        try (ZipFile jar = new ZipFile(modelsJar.toFile())) {
            ZipEntry entry = jar.getEntry(SHIPPED_PROPERTIES);
            if (entry == null) {
                throw new IOException(modelsJar + " has no " + SHIPPED_PROPERTIES);
            }
            Properties properties = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                properties.load(in);
            }
            return properties;
        }
    }
}
