package news.wire.enrich.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import news.wire.enrich.numbers.NumberKind;
import news.wire.enrich.numbers.Qualifier;

/**
 * Our hand-written numbers set ({@code evaluation/news-figures.tsv} in the test resources): news sentences with the
 * figures a sub-editor expects in them. The file's header says how a line is written.
 */
public final class FiguresSet {

    /** Where the set lives on the test classpath. */
    public static final String RESOURCE = "/evaluation/news-figures.tsv";

    private FiguresSet() {
    }

    /** A figure as the gold gives it; empty strings where the figure has no currency, unit or counted thing. */
    public record Figure(double value, NumberKind kind, Qualifier qualifier, String currency, String unit,
                         String counted) {
    }

    /** One sentence of the set, with its line number in the file for error lists. */
    public record Sentence(int line, String text, List<Figure> figures) {
    }

    /** The set as shipped in the test resources. */
    public static List<Sentence> load() {
        InputStream in = FiguresSet.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a set, refusing any line it cannot read whole, so a typo cannot silently drop a figure. */
    public static List<Sentence> read(Reader source) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || columns[0].isBlank()) {
                throw new IllegalArgumentException("line " + number + ": want sentence TAB figures");
            }
            sentences.add(new Sentence(number, columns[0], figures(number, columns[1].strip())));
        }
        return sentences;
    }

    private static List<Figure> figures(int line, String column) {
        if (column.equals("-")) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        for (String written : column.split(" ; ")) {
            String[] fields = Arrays.copyOf(written.strip().split("\\|", -1), 6);
            if (written.strip().split("\\|", -1).length > 6) {
                throw new IllegalArgumentException("line " + line + ": too many fields in " + written);
            }
            try {
                figures.add(new Figure(Double.parseDouble(fields[0]), NumberKind.valueOf(fields[1]),
                        Qualifier.valueOf(fields[2]), orEmpty(fields[3]), orEmpty(fields[4]), orEmpty(fields[5])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + line + ": cannot read figure " + written, e);
            }
        }
        return figures;
    }

    private static String orEmpty(String field) {
        return field == null ? "" : field.strip();
    }
}
