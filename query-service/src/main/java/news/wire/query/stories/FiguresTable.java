package news.wire.query.stories;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Side by side, what each source of a story reported for each counted thing. Only figures whose sentence names what
 * they count are rows; ordinals ("the first") and shares ("two-thirds") count nothing. A row is one counted thing of
 * one kind and one unit or currency: dollars and euros, tonnes and barrels are never compared.
 *
 * <p>Rows a reader looks for, not every count: plain counts of people and groups of them always, other things only
 * from ten up and never measures of time ("two sides", "one set" and "nearly six months" make no rows). Rows of people
 * under different words join where the sources give the same figure and no source gives both ("more than a million
 * refugees" and "more than a million civilians"; "more than 100 detainees" and "100 or so hostages"): the words
 * differ between outlets, the people do not. See {@link CountedKinds}.
 */
public final class FiguresTable {

    private static final Set<String> COUNTING_KINDS = Set.of("CARDINAL", "QUANTITY", "MONEY", "PERCENT");
    /** A smaller plain count of things that are not people ("two sides", "one set") is not a figure worth a row. */
    private static final double LEAST_COUNT_OF_THINGS = 10;
    /** How far apart two figures may be and still be one figure under two words (a tenth, as "about" allows). */
    private static final double SAME_FIGURE = 0.1;

    private FiguresTable() {
    }

    /** Rows reported by most sources first, then by counted thing. */
    public static List<FigureRow> of(List<? extends JsonNode> articles) {
        Map<RowKey, Map<String, List<ReportedFigure>>> rows = new LinkedHashMap<>();
        for (JsonNode article : articles) {
            String source = article.path("source").asText();
            for (JsonNode n : article.path("numbers")) {
                String kind = n.path("kind").asText();
                String counted = n.path("counted").asText("");
                double value = n.path("value").asDouble();
                if (counted.isBlank() || !COUNTING_KINDS.contains(kind) || isShare(kind, value)) {
                    continue;
                }
                String thing = CountedThing.of(counted);
                if ("CARDINAL".equals(kind) && !worthARow(thing, value)) {
                    continue;
                }
                String unit = n.path("unit").asText(null);
                String currency = n.path("currency").asText(null);
                RowKey key = new RowKey(thing, kind, unit, currency);
                rows.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(source, s -> new ArrayList<>())
                        .add(new ReportedFigure(ReportedFigure.figure(value), n.path("qualifier").asText("EXACT"), kind,
                                unit, currency, article.path("id").asText(), n.path("text").asText()));
            }
        }
        List<FigureRow> table = new ArrayList<>();
        joinPeople(rows).forEach((key, bySource) -> {
            List<FigureRow.SourceFigures> sources = bySource.entrySet().stream()
                    .map(e -> new FigureRow.SourceFigures(e.getKey(), List.copyOf(e.getValue())))
                    .toList();
            table.add(new FigureRow(key.counted(), key.kind(), key.unit(), key.currency(), sources, disagree(sources)));
        });
        table.sort(Comparator.comparingInt((FigureRow r) -> -r.sources().size()).thenComparing(FigureRow::counted));
        return table;
    }

    private static boolean worthARow(String thing, double value) {
        CountedKinds.Kind kind = CountedKinds.of(thing);
        return kind == CountedKinds.Kind.PEOPLE || kind == CountedKinds.Kind.GROUP
                || kind == CountedKinds.Kind.OTHER && value >= LEAST_COUNT_OF_THINGS;
    }

    /**
     * Joins rows of plain counts of people that are one figure under two words: some figure of one is some figure of
     * the other, and no source reports both (a source that gives detainees and hostages apart means two
     * groups). The joined row is named by both words ("refugee / civilian").
     */
    private static Map<RowKey, Map<String, List<ReportedFigure>>> joinPeople(
            Map<RowKey, Map<String, List<ReportedFigure>>> rows) {
        List<RowKey> keys = new ArrayList<>(rows.keySet());
        Map<RowKey, Map<String, List<ReportedFigure>>> joined = new LinkedHashMap<>(rows);
        for (int i = 0; i < keys.size(); i++) {
            RowKey a = keys.get(i);
            if (!joined.containsKey(a) || !countsPeople(a)) {
                continue;
            }
            for (int j = i + 1; j < keys.size(); j++) {
                RowKey b = keys.get(j);
                Map<String, List<ReportedFigure>> first = joined.get(a);
                Map<String, List<ReportedFigure>> second = joined.get(b);
                if (second == null || !countsPeople(b) || !Collections.disjoint(first.keySet(), second.keySet())
                        || !anySame(all(first), all(second))) {
                    continue;
                }
                Map<String, List<ReportedFigure>> both = new LinkedHashMap<>(first);
                both.putAll(second);
                RowKey named = new RowKey(a.counted() + " / " + b.counted(), a.kind(), a.unit(), a.currency());
                joined.remove(b);
                joined = replace(joined, a, named, both);
                a = named;
            }
        }
        return joined;
    }

    /**
     * Whether the two give one figure, within a tenth, whatever their hedges: "more than a million" refugees and
     * civilians are one figure, but "more than a million" and "over 33,900", which merely overlap, are not.
     */
    private static boolean anySame(List<ReportedFigure> a, List<ReportedFigure> b) {
        for (ReportedFigure x : a) {
            for (ReportedFigure y : b) {
                double u = x.value().doubleValue();
                double v = y.value().doubleValue();
                if (Math.abs(u - v) <= SAME_FIGURE * Math.max(Math.abs(u), Math.abs(v))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean countsPeople(RowKey key) {
        return "CARDINAL".equals(key.kind()) && CountedKinds.of(key.counted()) == CountedKinds.Kind.PEOPLE;
    }

    private static List<ReportedFigure> all(Map<String, List<ReportedFigure>> bySource) {
        return bySource.values().stream().flatMap(List::stream).toList();
    }

    /** The rows with OLD renamed NEW and given FIGURES, keeping the table's order. */
    private static Map<RowKey, Map<String, List<ReportedFigure>>> replace(
            Map<RowKey, Map<String, List<ReportedFigure>>> rows, RowKey old, RowKey renamed,
            Map<String, List<ReportedFigure>> figures) {
        Map<RowKey, Map<String, List<ReportedFigure>>> result = new LinkedHashMap<>();
        rows.forEach((key, value) -> result.put(key.equals(old) ? renamed : key, key.equals(old) ? figures : value));
        return result;
    }

    /** "Two-thirds of the dead" is a share of a count, not a count: comparing it with a death toll means nothing. */
    private static boolean isShare(String kind, double value) {
        return "CARDINAL".equals(kind) && value > 0 && value < 1;
    }

    /**
     * One source often gives several figures for one thing (seven killed here, 1,200 there): two sources agree when
     * any figure of one agrees with any figure of the other, and a row is disputed when some two sources do not.
     */
    static boolean disagree(List<FigureRow.SourceFigures> sources) {
        for (int i = 0; i < sources.size(); i++) {
            for (int j = i + 1; j < sources.size(); j++) {
                if (!anyAgree(sources.get(i).figures(), sources.get(j).figures())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyAgree(List<ReportedFigure> a, List<ReportedFigure> b) {
        for (ReportedFigure x : a) {
            for (ReportedFigure y : b) {
                if (x.agreesWith(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record RowKey(String counted, String kind, String unit, String currency) {
    }
}
