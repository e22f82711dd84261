package news.wire.deploy.e2ebench;

import java.util.Map;

import news.wire.deploy.reuters.Latencies;

/**
 * What one paced phase did.
 *
 * @param name "fixed" or "step N"
 * @param offeredRate articles per second asked of the driver
 * @param postSeconds how long it posted
 * @param posted articles ingest accepted (202)
 * @param postFailures POSTs that failed or were refused (not 202)
 * @param searchable accepted articles seen searchable by the end of the grace period
 * @param latencies POST to searchable, of those
 * @param steadySearchableRate articles that became searchable per second between the end of the warm-up and the end of
 *        posting
 * @param backlogAtSteadyStart accepted but not yet searchable, at the end of the warm-up
 * @param backlogAtEnd the same, when posting stopped
 * @param maxStageLag the highest enrich + indexer consumer lag sampled during the phase (records)
 * @param cpuMillis CPU time each process used from the phase's start until its articles were through (milliseconds)
 * @param wallSeconds how long that was
 */
record PhaseResult(String name, double offeredRate, double postSeconds, long posted, long postFailures, long searchable,
        Latencies latencies, double steadySearchableRate, long backlogAtSteadyStart, long backlogAtEnd,
        double maxStageLag, Map<String, Long> cpuMillis, double wallSeconds) {

    long missing() {
        return posted - searchable;
    }

    double postRate() {
        return postSeconds > 0 ? posted / postSeconds : 0;
    }
}
