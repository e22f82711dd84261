package news.wire.query.watches;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of watches: {@code query_watch_matches_total{kind}}, the matches announced (rate: matches a second). */
@ApplicationScoped
public class WatchMetrics {

    private final Map<String, Counter> byKind;

    public WatchMetrics(MeterRegistry registry) {
        // Exported at 0 from the start, so a rate exists before the first match.
        byKind = Map.of(
                WatchMatch.MATCHED, counter(registry, WatchMatch.MATCHED),
                WatchMatch.UPDATED, counter(registry, WatchMatch.UPDATED),
                WatchMatch.WITHDRAWN, counter(registry, WatchMatch.WITHDRAWN));
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("query.watch.matches").tag("kind", kind)
                .description("Matches announced to watches: first matches, updates, withdrawals")
                .register(registry);
    }

    /** Counts matches written for the first time. */
    void announced(List<WatchMatch> written) {
        written.forEach(m -> byKind.get(m.kind()).increment());
    }
}
