package news.wire.deploy.indexbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The arithmetic of the index benchmark's summary, kept apart so it can be tested without a stack. */
final class Figures {

    private Figures() {
    }

    /** The median of the values (the mean of the middle two for an even count); NaN for none. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(v -> v == null || v.isNaN());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Articles per second from the first poll that saw any article to the first that saw them all: the articles
     * already counted at the first sighting were indexed before it, so they are left out of the numerator.
     */
    static double rate(long countAtFirst, long countAtEnd, long firstNanos, long endNanos) {
        if (endNanos <= firstNanos || countAtEnd <= countAtFirst) {
            return Double.NaN;
        }
        return (countAtEnd - countAtFirst) / ((endNanos - firstNanos) / 1e9);
    }

    /** CPU seconds per 1,000 articles, NaN when either figure is missing. */
    static double cpuPerThousand(double cpuSeconds, long articles) {
        if (cpuSeconds < 0 || articles <= 0) {
            return Double.NaN;
        }
        return cpuSeconds * 1000 / articles;
    }
}
