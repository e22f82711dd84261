package news.wire.deploy.watchbench;

import java.util.Arrays;
import java.util.stream.Collectors;

import news.wire.deploy.e2ebench.PrometheusText;

/**
 * What matching watches cost the indexer over a phase, from two readings of query-service's {@code /q/metrics}: time in
 * bulk writes ({@code query_index_bulk_seconds}) and in matching ({@code query_watch_matching_seconds}) per article
 * indexed ({@code query_indexed_articles_total{outcome="indexed"}}), and the matches written meanwhile.
 */
record MatchingCost(double articles, double bulkMillisPerArticle, double matchingMillisPerArticle, double matches) {

    /** One reading of the counters. */
    record Reading(double bulkSeconds, double matchingSeconds, double indexed, double matches) {

        static Reading of(String exposition) {
            String indexedOnly = Arrays.stream(exposition.split("\n"))
                    .filter(line -> line.startsWith("query_indexed_articles_total{") && line.contains("outcome=\"indexed\""))
                    .collect(Collectors.joining("\n"));
            return new Reading(orZero(PrometheusText.sum(exposition, "query_index_bulk_seconds_sum")),
                    orZero(PrometheusText.sum(exposition, "query_watch_matching_seconds_sum")),
                    orZero(PrometheusText.sum(indexedOnly, "query_indexed_articles_total")),
                    orZero(PrometheusText.sum(exposition, "query_watch_matches_total")));
        }

        private static double orZero(double value) {
            return Double.isNaN(value) ? 0 : value;
        }
    }

    static MatchingCost between(Reading before, Reading after) {
        double articles = after.indexed() - before.indexed();
        double per = articles > 0 ? 1_000 / articles : Double.NaN;
        return new MatchingCost(articles, (after.bulkSeconds() - before.bulkSeconds()) * per,
                (after.matchingSeconds() - before.matchingSeconds()) * per, after.matches() - before.matches());
    }

    /** Matching time over bulk-write time: what watches add to indexing alone; NaN when nothing was indexed. */
    double ratio() {
        return bulkMillisPerArticle > 0 ? matchingMillisPerArticle / bulkMillisPerArticle : Double.NaN;
    }
}
