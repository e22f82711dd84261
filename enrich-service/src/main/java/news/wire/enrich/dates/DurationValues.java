package news.wire.enrich.dates;

/** Writes a counted stretch of time as a TIMEX3 duration value: "24 hours" → PT24H, "2 1/2 years" → P2Y6M. */
final class DurationValues {

    private DurationValues() {
    }

    static String of(double count, PeriodUnit unit) {
        if (Double.isNaN(count)) {
            return (unit.clock ? "PTX" : "PX") + unit.letter;
        }
        double scaled = count * unit.multiple;
        long whole = (long) Math.floor(scaled);
        long part = Math.round((scaled - whole) * unit.perSmaller());
        PeriodUnit smaller = unit.smaller();
        if (smaller == null || part == 0) {
            return (unit.clock ? "PT" : "P") + Math.max(whole, 1) + unit.letter;
        }
        StringBuilder value = new StringBuilder(unit.clock ? "PT" : "P");
        if (whole > 0) {
            value.append(whole).append(unit.letter);
        }
        if (smaller.clock && !unit.clock) {
            value.append('T');
        }
        return value.append(part).append(smaller.letter).toString();
    }
}
