package news.wire.query.stories;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure as an outlet reported it, with the range of values its words allow. Two figures agree when their
 * ranges meet:
 * <ul>
 *   <li>EXACT v: exactly v ("100" and "120" disagree);</li>
 *   <li>APPROX v ("about", "some", "or so"): within 10% of v either way;</li>
 *   <li>GREATER_THAN v: above v, AT_LEAST v: v or above ("more than 100" agrees with 120, not with 100);</li>
 *   <li>LESS_THAN v: below v, AT_MOST v: v or below.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedFigure(Number value, String qualifier, String kind, String unit, String currency,
                             String articleId, String text) {

    /** Whole figures as integers ("1200", not "1200.0"), as the copy wrote them. */
    static Number figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    /** How far either way an approximate figure may lie from the value stated. */
    static final double APPROX_MARGIN = 0.10;

    public boolean agreesWith(ReportedFigure other) {
        Range a = range();
        Range b = other.range();
        double low = Math.max(a.low, b.low);
        double high = Math.min(a.high, b.high);
        if (low < high) {
            return true;
        }
        // The ranges touch at one value: they meet only if both include it.
        return low == high && a.includes(low) && b.includes(low);
    }

    private Range range() {
        double inf = Double.POSITIVE_INFINITY;
        double value = this.value.doubleValue();
        double margin = Math.abs(value) * APPROX_MARGIN;
        return switch (qualifier) {
            case "APPROX" -> new Range(value - margin, true, value + margin, true);
            case "GREATER_THAN" -> new Range(value, false, inf, false);
            case "AT_LEAST" -> new Range(value, true, inf, false);
            case "LESS_THAN" -> new Range(-inf, false, value, false);
            case "AT_MOST" -> new Range(-inf, false, value, true);
            default -> new Range(value, true, value, true);
        };
    }

    private record Range(double low, boolean lowIncluded, double high, boolean highIncluded) {
        boolean includes(double v) {
            return (v > low || (v == low && lowIncluded)) && (v < high || (v == high && highIncluded));
        }
    }
}
