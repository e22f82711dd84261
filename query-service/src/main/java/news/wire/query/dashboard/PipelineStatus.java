package news.wire.query.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The pipeline at a glance: per stage, rates per second over the last {@code windowSeconds}, backlogs and lags in
 * records, and whether its service could be read. A figure is null when it cannot be told: the service is
 * unreachable, has been read only once so far, or does not report that metric.
 */
public record PipelineStatus(Instant at, long windowSeconds, Ingest ingest, Enrich enrich, Index index,
                             List<Point> history) {

    /** A service's metrics endpoint and whether its last read succeeded ({@code error} says why not). */
    public record Service(String name, String metrics, boolean reachable, String error, Instant readAt) {
    }

    /** Intake: articles accepted (new, new versions, withdrawals), duplicates, refusals; the outbox to Kafka. */
    public record Ingest(Service service, Double acceptedPerSecond, Double duplicatesPerSecond,
                         Double rejectedPerSecond, Double publishedPerSecond, Double outboxBacklog,
                         Double outboxOldestSeconds) {
    }

    /** Enrichment: articles tagged, sent to the dead-letter topic, tombstones passed on; consumer lag. */
    public record Enrich(Service service, Double enrichedPerSecond, Double deadLetteredPerSecond,
                         Double tombstonesPerSecond, Double consumerLag, Double deadLetters) {
    }

    /**
     * Indexing: documents written, deleted, skipped as stale (a replay), refused by Elasticsearch for good; indexer
     * lag; how long articles took to be searchable.
     */
    public record Index(Service service, Double indexedPerSecond, Double deletedPerSecond, Double stalePerSecond,
                        Double rejectedPerSecond,
                        Double indexerLag, ServiceHistory.Freshness sincePublished,
                        ServiceHistory.Freshness sinceReceived) {
    }

    /** The three stages' main rates at one read, for the throughput chart. */
    public record Point(Instant at, Double acceptedPerSecond, Double enrichedPerSecond, Double indexedPerSecond) {
    }
}
