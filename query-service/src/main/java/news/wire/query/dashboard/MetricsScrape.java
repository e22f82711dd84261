package news.wire.query.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of one read of a Prometheus text exposition ({@code /q/metrics}). Only what the dashboard needs is
 * understood: sample lines with labels and a value. Comments, timestamps and lines that cannot be read are skipped
 * rather than failing the whole scrape, since one odd metric of another service must not blank the page.
 */
public final class MetricsScrape {

    /** One sample line: a series name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        /** Whether this is a series of that name carrying all the given labels (others may be present too). */
        public boolean is(String series, Map<String, String> wanted) {
            if (!name.equals(series)) {
                return false;
            }
            for (Map.Entry<String, String> label : wanted.entrySet()) {
                if (!label.getValue().equals(labels.get(label.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Series(String name, Map<String, String> labels) {
    }

    /** One histogram bucket: observations at most {@code le}, cumulative as Prometheus exposes them. */
    public record Bucket(double le, double count) {
    }

    private final List<Sample> samples;

    private MetricsScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsScrape parse(String text) {
        return parse(text, null);
    }

    /**
     * Reads the text; a series also in {@code previous} (null for none) shares its name and labels. The dashboard
     * keeps 16 minutes of reads of three services, about 130,000 samples of the same 690 series: with a name, a label
     * map and label strings of its own each (some 360 bytes), they took 47 MB of query-service's 256 MB heap; shared,
     * a sample costs about 36 bytes.
     */
    public static MetricsScrape parse(String text, MetricsScrape previous) {
        Map<Series, Series> known = new HashMap<>();
        if (previous != null) {
            for (Sample s : previous.samples) {
                Series series = new Series(s.name(), s.labels());
                known.put(series, series);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Sample sample = sample(line.strip());
            if (sample != null) {
                Series same = known.get(new Series(sample.name(), sample.labels()));
                samples.add(same == null ? sample : new Sample(same.name(), same.labels(), sample.value()));
            }
        }
        return new MetricsScrape(List.copyOf(samples));
    }

    public List<Sample> samples() {
        return samples;
    }

    /**
     * The sum over every series of the name whose labels include all of {@code labels}; 0 when there is none,
     * because Micrometer registers a labelled counter only at its first increment: a service that answered without
     * the series has counted nothing of that kind yet.
     */
    public double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (Sample s : samples) {
            if (s.is(name, labels) && !Double.isNaN(s.value())) {
                total += s.value();
            }
        }
        return total;
    }

    /** Whether any series of that name is present. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The buckets of histogram {@code base} (series {@code base_bucket}) for the labels, summed across other labels. */
    public List<Bucket> buckets(String base, Map<String, String> labels) {
        TreeMap<Double, Double> byBound = new TreeMap<>();
        for (Sample s : samples) {
            if (s.is(base + "_bucket", labels) && s.labels().containsKey("le")) {
                Double le = number(s.labels().get("le"));
                if (le != null && !Double.isNaN(s.value())) {
                    byBound.merge(le, s.value(), Double::sum);
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>(byBound.size());
        byBound.forEach((le, count) -> buckets.add(new Bucket(le, count)));
        return buckets;
    }

    /** A sample line, or null for comments, blanks and lines that do not parse. */
    static Sample sample(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        Double value = rest.length == 0 ? null : number(rest[0]);
        return value == null ? null : new Sample(name, Map.copyOf(labels), value);
    }

    /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace, or -1. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int nameStart = i;
            while (i < line.length() && isNameChar(line.charAt(i))) {
                i++;
            }
            String label = line.substring(nameStart, i);
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (label.isEmpty() || i + 1 >= line.length() || line.charAt(i) != '=' || line.charAt(i + 1) != '"') {
                return -1;
            }
            i += 2;
            StringBuilder value = new StringBuilder();
            while (i < line.length() && line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            labels.put(label, value.toString());
            i++;
        }
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static Double number(String text) {
        try {
            // Java reads NaN as Prometheus writes it, and infinities spelled out (+Inf as +Infinity).
            return Double.parseDouble(text.endsWith("Inf") ? text + "inity" : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
