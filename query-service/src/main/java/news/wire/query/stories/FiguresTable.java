package news.wire.query.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Side by side, what each source of a story reported for each counted thing. Only figures whose sentence names what
 * they count are rows; ordinals ("the first") and shares ("two-thirds") count nothing. A row is one counted thing of one kind and one unit or
 * currency: dollars and euros, tonnes and barrels are never compared.
 */
public final class FiguresTable {

    private static final Set<String> COUNTING_KINDS = Set.of("CARDINAL", "QUANTITY", "MONEY", "PERCENT");

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
                String unit = n.path("unit").asText(null);
                String currency = n.path("currency").asText(null);
                RowKey key = new RowKey(CountedThing.of(counted), kind, unit, currency);
                rows.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(source, s -> new ArrayList<>())
                        .add(new ReportedFigure(ReportedFigure.figure(value), n.path("qualifier").asText("EXACT"), kind,
                                unit, currency, article.path("id").asText(), n.path("text").asText()));
            }
        }
        List<FigureRow> table = new ArrayList<>();
        rows.forEach((key, bySource) -> {
            List<FigureRow.SourceFigures> sources = bySource.entrySet().stream()
                    .map(e -> new FigureRow.SourceFigures(e.getKey(), List.copyOf(e.getValue())))
                    .toList();
            table.add(new FigureRow(key.counted(), key.kind(), key.unit(), key.currency(), sources, disagree(sources)));
        });
        table.sort(Comparator.comparingInt((FigureRow r) -> -r.sources().size()).thenComparing(FigureRow::counted));
        return table;
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
