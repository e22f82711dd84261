package news.wire.query.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Map<String, String> INDEXED = Map.of("outcome", "indexed");

    private final ServiceHistory history = new ServiceHistory(Duration.ofMinutes(5));

    private void read(int second, String text) {
        history.add(new ServiceHistory.Reading(T0.plusSeconds(second), MetricsScrape.parse(text), null));
    }

    private void unreachable(int second) {
        history.add(new ServiceHistory.Reading(T0.plusSeconds(second), null, "connection refused"));
    }

    private static String indexed(double value) {
        return "query_indexed_articles_total{outcome=\"indexed\"} " + value + "\n"
                + "query_indexed_articles_total{outcome=\"stale\"} 100\n";
    }

    @Test
    void rateIsIncreaseOverTheWindowPerSecond() {
        assertNull(history.rate("query_indexed_articles_total", INDEXED, MINUTE));
        read(0, indexed(10));
        assertNull(history.rate("query_indexed_articles_total", INDEXED, MINUTE), "one read tells no rate");
        read(5, indexed(20));
        read(10, indexed(40));
        assertEquals(3.0, history.rate("query_indexed_articles_total", INDEXED, MINUTE), 1e-9);
        assertEquals(0.0, history.rate("query_indexed_articles_total", Map.of("outcome", "stale"), MINUTE), 1e-9);
    }

    @Test
    void readsOlderThanTheWindowDoNotCount() {
        read(0, indexed(0));
        read(50, indexed(1000));
        read(100, indexed(1000));
        read(110, indexed(1010));
        // Window [50, 110]: 10 more in 60 s.
        assertEquals(10 / 60.0, history.rate("query_indexed_articles_total", INDEXED, MINUTE), 1e-9);
    }

    @Test
    void aRestartCountsItsNewValueAsIncrease() {
        read(0, indexed(500));
        read(10, indexed(520));
        read(20, indexed(5));
        read(30, indexed(15));
        // 20 + 5 (after the restart) + 10 in 30 s.
        assertEquals(35 / 30.0, history.rate("query_indexed_articles_total", INDEXED, MINUTE), 1e-9);
    }

    @Test
    void aCounterThatAppearsCountsFromZero() {
        read(0, "process_uptime_seconds 3\n");
        read(10, indexed(20));
        assertEquals(2.0, history.rate("query_indexed_articles_total", INDEXED, MINUTE), 1e-9);
    }

    @Test
    void unreachableNowMeansNoFiguresAndGapsAreSpanned() {
        read(0, indexed(0) + "ingest_outbox_backlog 4\n");
        unreachable(10);
        read(20, indexed(40) + "ingest_outbox_backlog 6\n");
        assertEquals(2.0, history.rate("query_indexed_articles_total", INDEXED, MINUTE), 1e-9);
        assertEquals(6.0, history.gauge("ingest_outbox_backlog", Map.of()));
        assertNull(history.gauge("ingest_outbox_oldest_seconds", Map.of()), "not reported is not zero");
        unreachable(30);
        assertNull(history.rate("query_indexed_articles_total", INDEXED, MINUTE));
        assertNull(history.gauge("ingest_outbox_backlog", Map.of()));
        assertFalse(history.latest().reachable());
    }

    @Test
    void rateHistoryHasOnePointPerRead() {
        read(0, indexed(0));
        read(10, indexed(10));
        read(20, indexed(30));
        List<ServiceHistory.RatePoint> points = history.rates("query_indexed_articles_total", INDEXED, MINUTE);
        assertEquals(3, points.size());
        assertNull(points.get(0).perSecond());
        assertEquals(1.0, points.get(1).perSecond(), 1e-9);
        assertEquals(1.5, points.get(2).perSecond(), 1e-9);
    }

    @Test
    void readsOlderThanKeptAreDropped() {
        read(0, indexed(0));
        read(400, indexed(10));
        assertEquals(1, history.readings().size());
    }

    private static String freshness(double half, double one, double five, double all) {
        return "query_article_freshness_seconds_bucket{since=\"received\",le=\"0.5\"} " + half + "\n"
                + "query_article_freshness_seconds_bucket{since=\"received\",le=\"1.0\"} " + one + "\n"
                + "query_article_freshness_seconds_bucket{since=\"received\",le=\"5.0\"} " + five + "\n"
                + "query_article_freshness_seconds_bucket{since=\"received\",le=\"+Inf\"} " + all + "\n";
    }

    @Test
    void freshnessQuantilesComeFromTheWindowsObservations() {
        read(0, freshness(100, 100, 100, 100));
        read(30, freshness(100, 110, 120, 120));
        ServiceHistory.Freshness f = history.freshness("query_article_freshness_seconds", Map.of("since", "received"), MINUTE);
        assertTrue(f.recent());
        assertEquals(20, f.observations());
        // Ten of twenty in (0.5, 1]: the median is the top of that bucket; the 90th is 18 of 20, in (1, 5].
        assertEquals(1.0, f.p50().value(), 1e-9);
        assertEquals(1.0 + 4.0 * 8 / 10, f.p90().value(), 1e-9);
        assertFalse(f.p90().atLeast());
    }

    @Test
    void freshnessFallsBackToEverythingWhenTheWindowSawNothing() {
        read(0, freshness(1, 2, 2, 4));
        read(30, freshness(1, 2, 2, 4));
        ServiceHistory.Freshness f = history.freshness("query_article_freshness_seconds", Map.of("since", "received"), MINUTE);
        assertFalse(f.recent());
        assertEquals(4, f.observations());
        assertEquals(1.0, f.p50().value(), 1e-9);
        // Beyond the last finite bound: at least 5 s, not a made-up figure.
        assertEquals(new ServiceHistory.Quantile(5.0, true), f.p90());
        assertNull(history.freshness("query_article_freshness_seconds", Map.of("since", "published"), MINUTE));
    }
}
