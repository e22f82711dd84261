package news.wire.ingest.feeds;

import java.time.Duration;

/** How long a failing feed is left alone: its interval doubled per consecutive failure, up to a ceiling. */
final class Backoff {

    private Backoff() {
    }

    /**
     * The wait before the next poll.
     *
     * @param interval the feed's poll interval
     * @param failures consecutive failures so far, including the one just recorded
     * @param ceiling the longest wait; a feed whose interval is longer still is never polled more often than that
     */
    static Duration after(Duration interval, int failures, Duration ceiling) {
        Duration cap = ceiling.compareTo(interval) >= 0 ? ceiling : interval;
        if (failures <= 0) {
            return interval;
        }
        // 2^31 times even a millisecond is past any sane ceiling; stop doubling before the arithmetic overflows.
        long factor = 1L << Math.min(failures, 31);
        long millis = interval.toMillis();
        if (millis > cap.toMillis() / factor) {
            return cap;
        }
        return Duration.ofMillis(millis * factor);
    }
}
