package news.wire.query.dashboard;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the dashboard reads the pipeline's metrics and how much of them it keeps, under {@code query.dashboard.}. */
@ConfigMapping(prefix = "query.dashboard")
public interface DashboardConfig {

    /** ingest-service's Prometheus metrics (env {@code QUERY_DASHBOARD_INGEST_METRICS}). */
    @WithDefault("http://127.0.0.1:8081/q/metrics")
    URI ingestMetrics();

    /** enrich-service's Prometheus metrics (env {@code QUERY_DASHBOARD_ENRICH_METRICS}). */
    @WithDefault("http://127.0.0.1:8082/q/metrics")
    URI enrichMetrics();

    /** How often the three services are read; also set as {@code @Scheduled} interval through the same key. */
    @WithDefault("5s")
    Duration scrapeInterval();

    /** Longest wait for one service's metrics: a hung service must not hold up the other two. */
    @WithDefault("2s")
    Duration scrapeTimeout();

    /** Rates are per second over this window, as a wire desk reads "articles a second, last minute". */
    @WithDefault("60s")
    Duration rateWindow();

    /** How many minutes of reads are kept for the rate chart. */
    @WithDefault("15m")
    Duration history();
}
