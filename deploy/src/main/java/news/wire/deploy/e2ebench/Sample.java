package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One second of the run.
 *
 * @param second seconds since the benchmark began
 * @param phase the phase being run, or "drain" while waiting for the grace period
 * @param offeredRate the rate asked for in that phase (0 while draining)
 * @param posted articles accepted by ingest in that second
 * @param searchable articles that became searchable in that second
 * @param backlog accepted but not yet searchable, at the sample
 * @param outboxBacklog ingest_outbox_backlog (NaN when unreadable)
 * @param enrichLag enrich_consumer_lag_records, all partitions
 * @param indexerLag query_indexer_lag_records, all partitions
 * @param rssKiB resident memory of each component at the sample
 * @param loadAverage the machine's one-minute load average (/proc/loadavg), NaN when unreadable
 */
record Sample(long second, String phase, double offeredRate, long posted, long searchable, long backlog,
        double outboxBacklog, double enrichLag, double indexerLag, Map<String, Long> rssKiB, double loadAverage) {

    /** The one-minute load average now: on a shared machine, the figures mean little without it. */
    static double loadAverageNow() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Records queued in front of enrichment and indexing together; NaN is read as 0 (gauge not yet registered). */
    double stageLag() {
        return (Double.isNaN(enrichLag) ? 0 : enrichLag) + (Double.isNaN(indexerLag) ? 0 : indexerLag);
    }
}
