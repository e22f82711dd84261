package news.wire.enrich.messaging;

import java.time.Duration;

/** How long to wait before retrying: twice the last wait, up to a ceiling. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after one more failure; a previous wait over the ceiling is kept, so a retry never comes sooner. */
    public static Duration next(Duration previous, Duration ceiling) {
        Duration cap = ceiling.compareTo(previous) >= 0 ? ceiling : previous;
        long millis = previous.toMillis();
        // Compare against half the cap rather than doubling first, so a wait near Long.MAX_VALUE cannot overflow.
        if (millis > cap.toMillis() / 2) {
            return cap;
        }
        return Duration.ofMillis(millis * 2);
    }
}
