package news.wire.deploy.e2ebench;

/** Reads figures out of a Prometheus text exposition, as the services serve it at {@code /q/metrics}. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of every sample of {@code family} (all label sets: one per partition for the lag gauges), or NaN when
     * the family has no sample. Suffixed families ({@code _total}, {@code _bucket}) are not matched by their stem.
     */
    public static double sum(String exposition, String family) {
        double sum = 0;
        boolean seen = false;
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || !line.startsWith(family)) {
                continue;
            }
            int end = family.length();
            if (line.length() == end || (line.charAt(end) != '{' && line.charAt(end) != ' ')) {
                continue;
            }
            int valueStart = line.charAt(end) == '{' ? line.indexOf("} ", end) + 2 : end + 1;
            if (valueStart < end + 1) {
                continue;
            }
            String[] rest = line.substring(valueStart).trim().split(" ");
            try {
                double value = Double.parseDouble(rest[0]);
                if (!Double.isNaN(value)) {
                    sum += value;
                    seen = true;
                }
            } catch (NumberFormatException e) {
                // Not a sample line of this family (a longer name with the same start); ignored.
            }
        }
        return seen ? sum : Double.NaN;
    }
}
