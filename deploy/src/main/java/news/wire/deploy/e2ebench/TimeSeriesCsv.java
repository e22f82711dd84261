package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The per-second samples as CSV: one row a second, one RSS column (MiB) per component. */
final class TimeSeriesCsv {

    private TimeSeriesCsv() {
    }

    static void write(Path file, List<Sample> samples) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("second,phase,offered_per_s,posted,searchable,backlog,outbox_backlog,enrich_lag,indexer_lag,load1");
            for (String component : StackProcesses.COMPONENTS) {
                out.write(",rss_mib_" + component);
            }
            out.write('\n');
            for (Sample s : samples) {
                out.write(String.format(Locale.ROOT, "%d,%s,%.0f,%d,%d,%d,%s,%s,%s,%.2f", s.second(), s.phase(), s.offeredRate(),
                        s.posted(), s.searchable(), s.backlog(), number(s.outboxBacklog()), number(s.enrichLag()),
                        number(s.indexerLag()), s.loadAverage()));
                for (String component : StackProcesses.COMPONENTS) {
                    Long kib = s.rssKiB().get(component);
                    out.write("," + (kib == null ? "" : Long.toString(kib / 1024)));
                }
                out.write('\n');
            }
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
    }
}
