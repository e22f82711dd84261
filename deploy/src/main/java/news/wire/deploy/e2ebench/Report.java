package news.wire.deploy.e2ebench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The figures as plain-text tables: one row per phase, then each process's peak resident memory. */
final class Report {

    private final PrintStream out;
    private final SustainRule rule;

    Report(PrintStream out, SustainRule rule) {
        this.out = out;
        this.rule = rule;
    }

    void phases(List<PhaseResult> phases) {
        out.printf("%-10s %8s %8s %10s %7s %7s %7s %7s %7s %8s %8s  %s%n", "phase", "offered", "accepted", "searchable",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "missing", "max lag", "backlog", "sustained");
        out.printf("%-10s %8s %8s %10s %7s %7s %7s %7s %7s %8s %8s%n", "", "/s", "/s", "/s steady", "", "", "", "", "",
                "records", "growth");
        for (PhaseResult p : phases) {
            List<String> why = rule.shortfalls(p);
            out.printf("%-10s %8.0f %8.1f %10.1f %7.0f %7.0f %7.0f %7.0f %7d %8.0f %8d  %s%n", p.name(), p.offeredRate(),
                    p.postRate(), p.steadySearchableRate(), p.latencies().percentileMillis(50),
                    p.latencies().percentileMillis(95), p.latencies().percentileMillis(99),
                    p.latencies().percentileMillis(100), p.missing(), p.maxStageLag(),
                    p.backlogAtEnd() - p.backlogAtSteadyStart(), why.isEmpty() ? "yes" : "no: " + String.join("; ", why));
        }
    }

    /**
     * The time series condensed to at most about {@code rows} lines: sums of posted and searchable over each stretch,
     * the backlog and lags as sampled at its end. Stage lag is what the consumers report after each poll: records
     * polled but still being enriched or indexed are not in it; the backlog (accepted, not yet searchable) is.
     */
    void overTime(List<Sample> samples, int rows) {
        if (samples.isEmpty()) {
            return;
        }
        int every = Math.max(1, (samples.size() + rows - 1) / rows);
        out.printf("%n%-8s %-16s %8s %10s %8s %8s %8s %8s %6s%n", "second", "phase", "posted/s", "searchable", "backlog",
                "outbox", "enrich", "indexer", "load");
        out.printf("%-8s %-16s %8s %10s %8s %8s %8s %8s %6s%n", "", "", "", "/s", "", "", "lag", "lag", "1 min");
        for (int from = 0; from < samples.size(); from += every) {
            List<Sample> stretch = samples.subList(from, Math.min(samples.size(), from + every));
            Sample last = stretch.get(stretch.size() - 1);
            double posted = stretch.stream().mapToLong(Sample::posted).sum() / (double) stretch.size();
            double searchable = stretch.stream().mapToLong(Sample::searchable).sum() / (double) stretch.size();
            out.printf("%-8d %-16s %8.1f %10.1f %8d %8.0f %8.0f %8.0f %6.1f%n", last.second(), last.phase(), posted,
                    searchable, last.backlog(), last.outboxBacklog(), last.enrichLag(), last.indexerLag(),
                    last.loadAverage());
        }
    }

    void highest(OptionalDouble highest, List<PhaseResult> steps) {
        if (steps.isEmpty()) {
            return;
        }
        if (highest.isEmpty()) {
            out.println("highest sustained rate: none of the steps (lowest tried " + steps.get(0).offeredRate() + "/s)");
            return;
        }
        PhaseResult best = steps.stream().filter(s -> s.offeredRate() == highest.getAsDouble()).findFirst().orElseThrow();
        boolean capped = steps.get(steps.size() - 1) == best;
        out.printf("highest sustained rate: %.0f articles/s offered, %.1f/s searchable end to end in the steady window%s%n",
                best.offeredRate(), best.steadySearchableRate(), capped ? " (the last step tried: raise --ramp-to)" : "");
    }

    /**
     * CPU milliseconds each process spent per accepted article over each phase (posting, drain and settle: all the
     * work the phase's articles caused), and how many of the machine's cores the whole stack kept busy.
     */
    void cpu(List<PhaseResult> phases) {
        if (phases.isEmpty() || phases.get(0).cpuMillis().isEmpty()) {
            return;
        }
        List<String> components = List.copyOf(phases.get(0).cpuMillis().keySet());
        out.printf("%nCPU ms per accepted article%n%-10s", "phase");
        components.forEach(c -> out.printf(" %9s", c.length() > 9 ? c.substring(0, 9) : c));
        out.printf(" %9s %11s%n", "total", "cores busy");
        for (PhaseResult p : phases) {
            out.printf("%-10s", p.name());
            long total = 0;
            for (String component : components) {
                long millis = p.cpuMillis().getOrDefault(component, 0L);
                total += millis;
                out.printf(" %9.1f", p.posted() > 0 ? millis / (double) p.posted() : Double.NaN);
            }
            out.printf(" %9.1f %11.2f%n", p.posted() > 0 ? total / (double) p.posted() : Double.NaN,
                    p.wallSeconds() > 0 ? total / 1000.0 / p.wallSeconds() : Double.NaN);
        }
    }

    void memory(Map<String, Long> pids, Map<String, Long> peaks) {
        out.printf("%n%-36s %8s %14s%n", "process", "pid", "peak RSS MiB");
        peaks.forEach((component, kib) -> out.printf("%-36s %8s %14d%n", component,
                pids.containsKey(component) ? pids.get(component).toString() : "", kib / 1024));
        if (peaks.isEmpty()) {
            out.println("(no launcher pids found in the home given by --home: memory not reported)");
        }
    }

    void floor(FloorComparison comparison) {
        TransportFloor.Result floor = comparison.floor();
        out.printf("%nFloor: the same articles written straight to Kafka, read back and bulk-indexed straight into "
                + "Elasticsearch%n(the article index's mappings; no ingest, enrichment or stories)%n");
        out.printf("  %d articles in %.1f s: %.1f/s; CPU ms per article:", floor.articles(), floor.seconds(), floor.rate());
        floor.cpuMillis().forEach((component, millis) -> out.printf(" %s %.2f", component,
                floor.articles() > 0 ? millis / (double) floor.articles() : Double.NaN));
        out.printf("%n  pipeline (%s) against the floor: searchable %.1f/s = %.2f of the floor's rate; "
                        + "servers' CPU %.1f ms/article = %.1f times the floor's %.2f%n", comparison.phase().name(),
                comparison.phase().steadySearchableRate(), comparison.rateRatio(), comparison.pipelineCpuPerArticle(),
                comparison.cpuRatio(), floor.serverMillisPerArticle());
    }
}
