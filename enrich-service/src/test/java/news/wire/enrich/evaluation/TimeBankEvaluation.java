package news.wire.enrich.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.DateMention;
import news.wire.enrich.dates.NewsDateExtractor;

/**
 * Scores {@link NewsDateExtractor} against TimeBank 1.2 + AQUAINT (TBAQ-cleaned, TimeML): detection by exact and
 * overlapping span, type accuracy, and TempEval-3 value F1, each document read against its creation time.
 * A program, not a test: the corpus lives outside the repository. Pass {@code --errors} after the path to list
 * the misses for rule work.
 */
public final class TimeBankEvaluation {

    private static final Pattern DCT = Pattern.compile(
            "<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private TimeBankEvaluation() {
    }

    /** A TIMEX3 in the plain text of a document. */
    record Gold(int start, int end, String type, String value, String mod, String text) {
    }

    /** A document as the extractor sees it, with its gold expressions. */
    record Document(String name, String subset, LocalDate created, String text, List<Gold> gold) {
    }

    /** Running counts for one subset. */
    static final class Score {
        int documents;
        int gold;
        int predicted;
        int strict;
        int relaxed;
        int typeRight;
        int valueRight;
        int modRight;

        void add(Score other) {
            documents += other.documents;
            gold += other.gold;
            predicted += other.predicted;
            strict += other.strict;
            relaxed += other.relaxed;
            typeRight += other.typeRight;
            valueRight += other.valueRight;
            modRight += other.modRight;
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/corpora/timebank/TBAQ-cleaned");
        boolean errors = args.length > 1 && args[1].equals("--errors");
        if (!Files.isDirectory(root)) {
            System.out.println("skipping: TimeBank corpus " + root.toAbsolutePath() + " not found");
            return;
        }
        List<Document> documents = read(root);
        NewsDateExtractor extractor = new NewsDateExtractor();
        Map<String, Score> scores = new LinkedHashMap<>();
        long started = System.nanoTime();
        List<List<DateMention>> outputs = new ArrayList<>();
        for (Document document : documents) {
            ZonedDateTime published = document.created().atStartOfDay(ZoneOffset.UTC);
            outputs.add(extractor.extract(ArticleField.BODY, document.text(), published));
        }
        long elapsed = System.nanoTime() - started;
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            Score score = scores.computeIfAbsent(document.subset(), s -> new Score());
            score(document, outputs.get(i), score, errors);
        }
        Score overall = new Score();
        scores.values().forEach(overall::add);
        scores.put("overall", overall);
        print(scores);
        long characters = documents.stream().mapToLong(d -> d.text().length()).sum();
        System.out.printf(Locale.ROOT, "extraction wall time: %.1f ms for %d documents (%d chars, first pass, cold JVM)%n",
                elapsed / 1e6, documents.size(), characters);
        long warm = System.nanoTime();
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            for (Document document : documents) {
                extractor.extract(ArticleField.BODY, document.text(), document.created().atStartOfDay(ZoneOffset.UTC));
            }
        }
        double seconds = (System.nanoTime() - warm) / 1e9;
        System.out.printf(Locale.ROOT, "warm: %.0f documents/s over %d rounds%n", rounds * documents.size() / seconds,
                rounds);
    }

    private static List<Document> read(Path root) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tml")).sorted().toList()) {
                String subset = root.relativize(file).getNameCount() > 1 ? root.relativize(file).getName(0).toString()
                        : "-";
                documents.add(parse(file.getFileName().toString(), subset,
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return documents;
    }

    /** Strips the TimeML tags from the TEXT element, keeping each TIMEX3's span in the plain text. */
    static Document parse(String name, String subset, String xml) {
        Matcher dct = DCT.matcher(xml);
        if (!dct.find()) {
            throw new IllegalArgumentException(name + ": no creation time");
        }
        LocalDate created = LocalDate.parse(attributes(dct.group()).get("value").substring(0, 10));
        int from = xml.indexOf("<TEXT>") + "<TEXT>".length();
        int to = xml.indexOf("</TEXT>");
        StringBuilder text = new StringBuilder();
        List<Gold> gold = new ArrayList<>();
        Map<String, String> open = null;
        int openAt = 0;
        for (int i = from; i < to; i++) {
            char c = xml.charAt(i);
            if (c == '<') {
                int close = xml.indexOf('>', i);
                String tag = xml.substring(i, close + 1);
                if (tag.startsWith("<TIMEX3")) {
                    open = attributes(tag);
                    openAt = text.length();
                } else if (tag.equals("</TIMEX3>") && open != null) {
                    gold.add(new Gold(openAt, text.length(), open.get("type"), open.get("value"),
                            open.getOrDefault("mod", null), text.substring(openAt)));
                    open = null;
                }
                i = close;
            } else if (c == '&') {
                int semi = xml.indexOf(';', i);
                text.append(switch (xml.substring(i + 1, semi)) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    default -> '\'';
                });
                i = semi;
            } else {
                text.append(c);
            }
        }
        return new Document(name, subset, created, text.toString(), gold);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1), m.group(2));
        }
        return attributes;
    }

    private static void score(Document document, List<DateMention> predicted, Score score, boolean errors) {
        score.documents++;
        score.gold += document.gold().size();
        score.predicted += predicted.size();
        boolean[] used = new boolean[predicted.size()];
        for (Gold gold : document.gold()) {
            int match = -1;
            for (int i = 0; i < predicted.size(); i++) {
                DateMention p = predicted.get(i);
                if (!used[i] && p.start() < gold.end() && gold.start() < p.end()) {
                    if (match < 0 || (p.start() == gold.start() && p.end() == gold.end())) {
                        match = i;
                    }
                }
            }
            if (match < 0) {
                if (errors) {
                    System.out.printf("MISS  %s %-10s %-12s %s | %s%n", document.created(), gold.type(), gold.value(),
                            gold.text(), context(document.text(), gold.start(), gold.end()));
                }
                continue;
            }
            used[match] = true;
            DateMention p = predicted.get(match);
            score.relaxed++;
            if (p.start() == gold.start() && p.end() == gold.end()) {
                score.strict++;
            }
            if (p.type().name().equals(gold.type())) {
                score.typeRight++;
            }
            if (p.value().equals(gold.value())) {
                score.valueRight++;
            } else if (errors) {
                System.out.printf("VALUE %s %-10s %-12s %-14s %s / %s | %s%n", document.created(), gold.type(),
                        gold.value(), p.value(), gold.text(), p.text(), context(document.text(), gold.start(), gold.end()));
            }
            if (java.util.Objects.equals(p.mod(), gold.mod())) {
                score.modRight++;
            }
            if (errors && (p.start() != gold.start() || p.end() != gold.end())) {
                System.out.printf("SPAN  %s [%s] vs gold [%s]%n", document.created(), p.text(), gold.text());
            }
        }
        if (errors) {
            for (int i = 0; i < predicted.size(); i++) {
                if (!used[i]) {
                    DateMention p = predicted.get(i);
                    System.out.printf("EXTRA %s %-10s %-12s %s | %s%n", document.created(), p.type(), p.value(),
                            p.text(), context(document.text(), p.start(), p.end()));
                }
            }
        }
    }

    private static String context(String text, int start, int end) {
        return (text.substring(Math.max(0, start - 60), start) + "[" + text.substring(start, end) + "]"
                + text.substring(end, Math.min(text.length(), end + 40))).replace('\n', ' ');
    }

    private static void print(Map<String, Score> scores) {
        System.out.printf("%-9s %5s %5s %5s | %-17s | %-17s | %6s %6s | %-17s%n", "subset", "docs", "gold", "pred",
                "strict P/R/F1", "relaxed P/R/F1", "type", "mod", "value P/R/F1");
        for (Map.Entry<String, Score> entry : scores.entrySet()) {
            Score s = entry.getValue();
            System.out.printf(Locale.ROOT, "%-9s %5d %5d %5d | %s | %s | %6.3f %6.3f | %s%n", entry.getKey(),
                    s.documents, s.gold, s.predicted, prf(s.strict, s.predicted, s.gold),
                    prf(s.relaxed, s.predicted, s.gold), ratio(s.typeRight, s.relaxed), ratio(s.modRight, s.relaxed),
                    prf(s.valueRight, s.predicted, s.gold));
        }
    }

    private static String prf(int right, int predicted, int gold) {
        double p = ratio(right, predicted);
        double r = ratio(right, gold);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "%.3f %.3f %.3f", p, r, f);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
