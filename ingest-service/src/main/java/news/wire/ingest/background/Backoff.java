package news.wire.ingest.background;

import java.time.Duration;

/** How long to wait before trying again after consecutive failures: doubled per failure, up to a ceiling. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * The wait after some consecutive failures.
     *
     * @param base the wait before any failure (a feed's poll interval, a first retry delay)
     * @param failures consecutive failures so far, including the one just recorded; the base is doubled that often
     * @param ceiling the longest wait; a base longer still is kept, so failing never makes anything retry sooner
     */
    public static Duration after(Duration base, int failures, Duration ceiling) {
        Duration cap = ceiling.compareTo(base) >= 0 ? ceiling : base;
        if (failures <= 0) {
            return base;
        }
        // 2^31 times even a millisecond is past any sane ceiling; stop doubling before the arithmetic overflows.
        long factor = 1L << Math.min(failures, 31);
        long millis = base.toMillis();
        if (millis > cap.toMillis() / factor) {
            return cap;
        }
        return Duration.ofMillis(millis * factor);
    }

    /** The wait after one more failure than the one that made {@code previous}. */
    public static Duration next(Duration previous, Duration ceiling) {
        return after(previous, 1, ceiling);
    }
}
