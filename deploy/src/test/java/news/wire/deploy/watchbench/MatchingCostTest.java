package news.wire.deploy.watchbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchingCostTest {

    private static String metrics(double bulk, double matching, double indexed, double matched) {
        return """
                # TYPE query_index_bulk_seconds histogram
                query_index_bulk_seconds_count 40.0
                query_index_bulk_seconds_sum %s
                query_watch_matching_seconds_sum %s
                query_indexed_articles_total{outcome="indexed"} %s
                query_indexed_articles_total{outcome="stale"} 999.0
                query_watch_matches_total{kind="matched"} %s
                query_watch_matches_total{kind="updated"} 1.0
                """.formatted(bulk, matching, indexed, matched);
    }

    @Test
    void costsPerArticleIndexedBetweenTwoReadings() {
        MatchingCost cost = MatchingCost.between(MatchingCost.Reading.of(metrics(1.0, 0.5, 100, 10)),
                MatchingCost.Reading.of(metrics(3.0, 1.5, 300, 50)));
        assertEquals(200, cost.articles(), "stale and other outcomes are not articles indexed");
        assertEquals(10.0, cost.bulkMillisPerArticle(), 1e-9);
        assertEquals(5.0, cost.matchingMillisPerArticle(), 1e-9);
        assertEquals(0.5, cost.ratio(), 1e-9);
        assertEquals(40, cost.matches(), 1e-9);
    }

    @Test
    void noMatchingTimerYetIsNoMatching() {
        String before = "query_index_bulk_seconds_sum 1.0\nquery_indexed_articles_total{outcome=\"indexed\"} 10.0\n";
        String after = "query_index_bulk_seconds_sum 2.0\nquery_indexed_articles_total{outcome=\"indexed\"} 20.0\n";
        MatchingCost cost = MatchingCost.between(MatchingCost.Reading.of(before), MatchingCost.Reading.of(after));
        assertEquals(0.0, cost.ratio(), 1e-9);
        assertTrue(Double.isNaN(MatchingCost.between(MatchingCost.Reading.of(after), MatchingCost.Reading.of(after))
                .ratio()), "nothing indexed, no ratio");
    }
}
