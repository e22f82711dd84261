package news.wire.enrich.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.NewsDateExtractor;
import news.wire.enrich.evaluation.FiguresSet.Figure;
import news.wire.enrich.evaluation.FiguresSet.Sentence;
import news.wire.enrich.numbers.NewsNumberExtractor;
import news.wire.enrich.numbers.NumberMention;

/**
 * Scores {@link NewsNumberExtractor} against our hand-written set ({@link FiguresSet}): precision, recall and F1
 * for the value alone and the value with its kind, unit or currency, qualifier and counted thing. A predicted
 * figure matches a gold one of the same sentence with the same value (within a small tolerance, for fractions
 * written to three decimals). The production path drops figures inside the dates found, as the enricher does; the
 * extractor alone is scored too. A program, not a test: it prints and asserts nothing. Pass {@code --errors} to
 * list every miss, false alarm and wrong attribute; an optional path reads another set in the same format.
 */
public final class FiguresEvaluation {

    /** Any fixed time will do: the sentences' dates only decide which figures are left to the dates. */
    private static final ZonedDateTime PUBLISHED = ZonedDateTime.parse("2026-11-18T09:30:00Z");

    private FiguresEvaluation() {
    }

    /** What a match must agree on besides the value to count for one column of the table. */
    private enum Check {
        VALUE("value", (g, p) -> true),
        KIND("value+kind", (g, p) -> g.kind() == p.kind()),
        UNIT("value+unit/currency", (g, p) -> g.currency().equals(text(p.currency())) && g.unit().equals(text(p.unit()))),
        QUALIFIER("value+qualifier", (g, p) -> g.qualifier() == p.qualifier()),
        COUNTED("value+counted", (g, p) -> g.counted().equalsIgnoreCase(text(p.counted()))),
        ALL("all five", (g, p) -> g.kind() == p.kind() && g.currency().equals(text(p.currency()))
                && g.unit().equals(text(p.unit())) && g.qualifier() == p.qualifier()
                && g.counted().equalsIgnoreCase(text(p.counted())));

        final String label;
        final BiPredicate<Figure, NumberMention> agrees;

        Check(String label, BiPredicate<Figure, NumberMention> agrees) {
            this.label = label;
            this.agrees = agrees;
        }
    }

    /** A gold figure and the prediction matched to it. */
    private record Pair(Sentence sentence, Figure gold, NumberMention predicted) {
    }

    /** The outcome of one run over the set. */
    private static final class Result {
        int gold;
        int predicted;
        final List<Pair> matched = new ArrayList<>();
        final List<Pair> missed = new ArrayList<>();
        final List<Pair> falseAlarms = new ArrayList<>();
    }

    public static void main(String[] args) throws IOException {
        boolean errors = List.of(args).contains("--errors");
        Path path = List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().map(Path::of).orElse(null);
        List<Sentence> sentences;
        if (path == null) {
            sentences = FiguresSet.load();
        } else {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                sentences = FiguresSet.read(reader);
            }
        }
        NewsNumberExtractor numbers = new NewsNumberExtractor();
        NewsDateExtractor dates = new NewsDateExtractor();
        Result production = score(sentences, s -> numbers.extract(ArticleField.BODY, s,
                dates.extract(ArticleField.BODY, s, PUBLISHED)));
        Result alone = score(sentences, s -> numbers.extract(ArticleField.BODY, s));
        System.out.printf(Locale.ROOT, "numbers, hand-written news sentences (%s): %d sentences, %d gold figures%n",
                path == null ? FiguresSet.RESOURCE : path, sentences.size(), production.gold);
        System.out.printf("%-22s | %-20s | %-20s%n", "", "production path", "extractor alone");
        System.out.printf("%-22s | %-20s | %-20s%n", "", "(dates left out)", "");
        System.out.printf("%-22s | %-20s | %-20s%n", "", "     P      R     F1", "     P      R     F1");
        for (Check check : Check.values()) {
            System.out.printf(Locale.ROOT, "%-22s | %s | %s%n", check.label, prf(production, check), prf(alone, check));
        }
        System.out.printf("predicted %d, matched %d, missed %d, false alarms %d (production path)%n",
                production.predicted, production.matched.size(), production.missed.size(),
                production.falseAlarms.size());
        errorClasses(production);
        if (errors) {
            list(production);
        }
    }

    private static Result score(List<Sentence> sentences,
                                java.util.function.Function<String, List<NumberMention>> extractor) {
        Result result = new Result();
        for (Sentence sentence : sentences) {
            List<NumberMention> predicted = new ArrayList<>(extractor.apply(sentence.text()));
            result.gold += sentence.figures().size();
            result.predicted += predicted.size();
            for (Figure gold : sentence.figures()) {
                NumberMention best = null;
                int bestAgreement = -1;
                for (NumberMention candidate : predicted) {
                    int agreement = agreement(gold, candidate);
                    if (sameValue(gold.value(), candidate.value()) && agreement > bestAgreement) {
                        best = candidate;
                        bestAgreement = agreement;
                    }
                }
                if (best == null) {
                    result.missed.add(new Pair(sentence, gold, null));
                } else {
                    predicted.remove(best);
                    result.matched.add(new Pair(sentence, gold, best));
                }
            }
            predicted.forEach(p -> result.falseAlarms.add(new Pair(sentence, null, p)));
        }
        return result;
    }

    /** Of two predictions with the value of a gold figure, the one agreeing on more attributes is its match. */
    private static int agreement(Figure gold, NumberMention predicted) {
        int agreement = 0;
        for (Check check : Check.values()) {
            agreement += check.agrees.test(gold, predicted) ? 1 : 0;
        }
        return agreement;
    }

    static boolean sameValue(double gold, double predicted) {
        return Math.abs(gold - predicted) <= Math.max(1e-3 * Math.abs(gold), 5e-4);
    }

    private static String prf(Result result, Check check) {
        long right = result.matched.stream().filter(p -> check.agrees.test(p.gold(), p.predicted())).count();
        double precision = result.predicted == 0 ? 0 : (double) right / result.predicted;
        double recall = result.gold == 0 ? 0 : (double) right / result.gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return String.format(Locale.ROOT, "%6.3f %6.3f %6.3f", precision, recall, f1);
    }

    /** The errors grouped by what went wrong, largest first, so rule work can start where it pays. */
    private static void errorClasses(Result result) {
        Map<String, Integer> classes = new TreeMap<>();
        result.missed.forEach(p -> classes.merge("missed " + p.gold().kind() + unitOf(p.gold()), 1, Integer::sum));
        result.falseAlarms.forEach(p -> classes.merge("false alarm " + p.predicted().kind(), 1, Integer::sum));
        for (Pair pair : result.matched) {
            Figure gold = pair.gold();
            NumberMention predicted = pair.predicted();
            if (!Check.KIND.agrees.test(gold, predicted)) {
                classes.merge("kind " + gold.kind() + " read as " + predicted.kind(), 1, Integer::sum);
            }
            if (!Check.UNIT.agrees.test(gold, predicted)) {
                classes.merge("unit/currency '" + unitName(gold.currency(), gold.unit()) + "' read as '"
                        + unitName(text(predicted.currency()), text(predicted.unit())) + "'", 1, Integer::sum);
            }
            if (!Check.QUALIFIER.agrees.test(gold, predicted)) {
                classes.merge("qualifier " + gold.qualifier() + " read as " + predicted.qualifier(), 1, Integer::sum);
            }
            if (!Check.COUNTED.agrees.test(gold, predicted)) {
                String what = gold.counted().isEmpty() ? "counted thing where none is written"
                        : predicted.counted() == null ? "counted thing missing" : "counted thing different";
                classes.merge(what, 1, Integer::sum);
            }
        }
        System.out.println("error classes (production path), largest first:");
        classes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> System.out.printf("%5d  %s%n", e.getValue(), e.getKey()));
    }

    private static void list(Result result) {
        Map<Integer, List<String>> byLine = new TreeMap<>();
        result.missed.forEach(p -> byLine.computeIfAbsent(p.sentence().line(), l -> new ArrayList<>())
                .add("MISS   " + gold(p.gold())));
        result.falseAlarms.forEach(p -> byLine.computeIfAbsent(p.sentence().line(), l -> new ArrayList<>())
                .add("EXTRA  " + predicted(p.predicted())));
        for (Pair pair : result.matched) {
            if (!Check.ALL.agrees.test(pair.gold(), pair.predicted())) {
                byLine.computeIfAbsent(pair.sentence().line(), l -> new ArrayList<>())
                        .add("WRONG  " + gold(pair.gold()) + "  got  " + predicted(pair.predicted()));
            }
        }
        Map<Integer, String> texts = new LinkedHashMap<>();
        result.matched.forEach(p -> texts.put(p.sentence().line(), p.sentence().text()));
        result.missed.forEach(p -> texts.put(p.sentence().line(), p.sentence().text()));
        result.falseAlarms.forEach(p -> texts.put(p.sentence().line(), p.sentence().text()));
        System.out.println("errors by line of the set (gold value|kind|qualifier|currency|unit|counted):");
        byLine.forEach((line, entries) -> {
            System.out.printf("%4d  %s%n", line, texts.get(line));
            entries.forEach(e -> System.out.println("        " + e));
        });
    }

    private static String gold(Figure f) {
        return String.join("|", number(f.value()), f.kind().name(), f.qualifier().name(), f.currency(), f.unit(),
                f.counted());
    }

    private static String predicted(NumberMention p) {
        return String.join("|", number(p.value()), p.kind().name(), p.qualifier().name(), text(p.currency()),
                text(p.unit()), text(p.counted())) + " \"" + p.text() + "\"";
    }

    private static String unitOf(Figure gold) {
        String unit = unitName(gold.currency(), gold.unit());
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }

    private static String unitName(String currency, String unit) {
        return currency.isEmpty() ? unit : unit.isEmpty() ? currency : currency + " " + unit;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
