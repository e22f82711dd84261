package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes deploy/local/pipeline started, found by the pid files in its home, their memory as Linux reports it
 * in {@code /proc/<pid>/status}: VmRSS now, VmHWM (the resident peak since the process started), and the CPU time
 * they have used. PostgreSQL's workers are separate processes; they are listed as one row of their own, the sum of
 * their peaks.
 */
final class StackProcesses {

    static final List<String> COMPONENTS = List.of("postgres", "kafka", "elasticsearch", "ingest", "enrich", "query");

    private final Map<String, Long> pids;

    private StackProcesses(Map<String, Long> pids) {
        this.pids = pids;
    }

    static StackProcesses in(Path home) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            Path file = home.resolve(component).resolve(component + ".pid");
            try {
                String first = Files.readAllLines(file).get(0).replaceAll("[^0-9]", "");
                if (!first.isEmpty() && Files.exists(Path.of("/proc", first))) {
                    pids.put(component, Long.parseLong(first));
                }
            } catch (IOException | IndexOutOfBoundsException e) {
                // Not started by the launcher in this home (or not running): no row.
            }
        }
        return new StackProcesses(pids);
    }

    Map<String, Long> pids() {
        return pids;
    }

    /** Resident memory now, in KiB, per component (postgres with its workers); absent when the process is gone. */
    Map<String, Long> rssKiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((component, pid) -> {
            long kib = statusKiB(pid, "VmRSS:");
            if (kib >= 0) {
                if (component.equals("postgres")) {
                    kib += children(pid).stream().mapToLong(p -> Math.max(0, statusKiB(p, "VmRSS:"))).sum();
                }
                rss.put(component, kib);
            }
        });
        return rss;
    }

    /** Peak resident memory (VmHWM) in KiB, per process; PostgreSQL's workers as one extra row. */
    Map<String, Long> peakKiB() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        pids.forEach((component, pid) -> {
            long kib = statusKiB(pid, "VmHWM:");
            if (kib >= 0) {
                peaks.put(component, kib);
                if (component.equals("postgres")) {
                    List<Long> workers = children(pid);
                    peaks.put("postgres workers (" + workers.size() + ", sum of peaks)",
                            workers.stream().mapToLong(p -> Math.max(0, statusKiB(p, "VmHWM:"))).sum());
                }
            }
        });
        return peaks;
    }

    /**
     * CPU time used so far, user and system, in milliseconds, per component and for this driver ("driver"). For
     * PostgreSQL it includes its workers, the exited ones too (their time is added to the postmaster's once reaped).
     */
    Map<String, Long> cpuMillis() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((component, pid) -> {
            long[] times = statTicks(pid);
            if (times.length == 0) {
                return;
            }
            long ticks = times[0] + times[1];
            if (component.equals("postgres")) {
                ticks += times[2] + times[3];
                for (long worker : children(pid)) {
                    long[] w = statTicks(worker);
                    ticks += w.length == 0 ? 0 : w[0] + w[1];
                }
            }
            cpu.put(component, ticks * 1000 / TICKS_PER_SECOND);
        });
        long[] driver = statTicks(ProcessHandle.current().pid());
        if (driver.length > 0) {
            cpu.put("driver", (driver[0] + driver[1]) * 1000 / TICKS_PER_SECOND);
        }
        return cpu;
    }

    /** USER_HZ: 100 on every Linux the JVM runs on (the kernel fixes it for /proc, whatever its internal tick). */
    private static final long TICKS_PER_SECOND = 100;

    /** utime, stime, cutime, cstime of a process in clock ticks (fields 14 to 17 of /proc/pid/stat); empty if gone. */
    private static long[] statTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static long statusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(c -> children.add(c.pid())));
        return children;
    }
}
