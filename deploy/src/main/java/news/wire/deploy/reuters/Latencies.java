package news.wire.deploy.reuters;

import java.util.Arrays;

/** Request latencies of a run, kept whole (a corpus run makes at most some tens of thousands) for exact percentiles. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The nearest-rank percentile in milliseconds, or NaN when nothing was measured. */
    public synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
