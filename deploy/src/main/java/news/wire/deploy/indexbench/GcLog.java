package news.wire.deploy.indexbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run's unified GC log ({@code -Xlog:gc}) says of its heap: how often the collector ran out of room (full
 * collections, evacuation failures) and how full the heap stayed after young collections. A heap that is fine shows
 * neither; one close to its limit shows both well before the JVM gives up.
 */
record GcLog(int pauses, int fullPauses, int evacuationFailures, double afterYoungP90Mb, double mostAfterFullMb) {

    /** "Pause Young (Normal) (G1 Evacuation Pause) 203M->144M(256M) 19.372ms": the heap before and after. */
    private static final Pattern PAUSE = Pattern.compile("Pause (\\w+).*?(\\d+)M->(\\d+)M\\(\\d+M\\)");

    static GcLog read(Path file) throws IOException {
        return Files.isRegularFile(file) ? of(Files.readAllLines(file)) : none();
    }

    static GcLog none() {
        return new GcLog(0, 0, 0, Double.NaN, Double.NaN);
    }

    static GcLog of(List<String> lines) {
        int pauses = 0;
        int full = 0;
        int failures = 0;
        double mostAfterFull = Double.NaN;
        List<Double> afterYoung = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            pauses++;
            double after = Double.parseDouble(m.group(3));
            // G1 says "Evacuation Failure"; JDKs before 21 said "To-space exhausted".
            if (line.contains("Evacuation Failure") || line.contains("To-space exhausted")) {
                failures++;
            }
            switch (m.group(1)) {
                case "Full" -> {
                    full++;
                    mostAfterFull = Double.isNaN(mostAfterFull) ? after : Math.max(mostAfterFull, after);
                }
                case "Young" -> afterYoung.add(after);
                default -> {
                    // Remark and Cleanup pauses free nothing by themselves.
                }
            }
        }
        return new GcLog(pauses, full, failures, percentile(afterYoung, 0.9), mostAfterFull);
    }

    private static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
