package news.wire.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void namesComeOutOfFunctionsAggregationsAndSelectors() {
        assertEquals(Set.of("enrich_engine_seconds_bucket"), MetricNames.in(
                "histogram_quantile(0.95, sum by (le, engine) (rate(enrich_engine_seconds_bucket[$__rate_interval])))"));
        assertEquals(Set.of("query_indexer_lag_records"), MetricNames.in(
                "sum by (topic) (query_indexer_lag_records) > 200\nand sum by (topic) (deriv(query_indexer_lag_records[10m])) > 0"));
    }

    @Test
    void labelsStringsDurationsAndKeywordsAreNotMetrics() {
        assertEquals(Set.of("up"), MetricNames.in("up{job=~\"ingest-service|enrich_service\"} == bool 0"));
        assertEquals(Set.of("a_total", "b_total"), MetricNames.in(
                "sum without (instance) (increase(a_total{reason='x y'}[5m] offset 1h)) / on (job) group_left (source) b_total"));
    }

    @Test
    void everyDistinctMetricIsReported() {
        assertEquals(Set.of("http_server_requests_seconds_sum", "http_server_requests_seconds_count"), MetricNames.in(
                "sum(rate(http_server_requests_seconds_sum{uri=~\"/v1/.*\"}[1m])) / sum(rate(http_server_requests_seconds_count[1m]))"));
    }
}
