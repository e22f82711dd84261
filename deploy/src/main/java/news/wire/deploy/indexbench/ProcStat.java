package news.wire.deploy.indexbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the index benchmark reads from /proc: a process's CPU time and the machine's load average. */
final class ProcStat {

    private ProcStat() {
    }

    /**
     * utime + stime, in clock ticks, from the text of {@code /proc/<pid>/stat}. The command name (field 2) is in
     * parentheses and may itself hold spaces and parentheses, so the fields are counted from the last ')'.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] rest = stat.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state); utime is field 14 and stime field 15.
        if (rest.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + stat);
        }
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    /** The 1-minute load average from the text of {@code /proc/loadavg}. */
    static double loadAverage1(String loadavg) {
        return Double.parseDouble(loadavg.trim().split("\\s+")[0]);
    }

    /** CPU seconds the process has used so far, or -1 when it is gone. */
    static double cpuSeconds(long pid, long ticksPerSecond) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / (double) ticksPerSecond;
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** The three load averages as /proc/loadavg prints them ("1.20 0.98 0.75"), or "?" where there is none. */
    static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** USER_HZ, the unit of utime and stime ({@code getconf CLK_TCK}; 100 on every Linux this runs on). */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // fall through to the usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
