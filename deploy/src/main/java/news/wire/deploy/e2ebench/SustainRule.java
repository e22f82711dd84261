package news.wire.deploy.e2ebench;

import java.util.ArrayList;
import java.util.List;

/**
 * When a rate counts as sustained end to end. A stage that cannot keep up shows as a backlog that grows for as long as
 * the rate is offered, so the rule looks at growth across the steady window rather than at one latency figure.
 *
 * @param minPostShare the share of the offered rate ingest must have accepted (the driver itself kept up)
 * @param minSearchableShare the share of the offered rate that must have become searchable per second in the steady
 *        window
 * @param maxBacklogGrowthSeconds how many seconds' worth of articles the not-yet-searchable backlog may grow by
 *        between the start and the end of the steady window
 */
record SustainRule(double minPostShare, double minSearchableShare, double maxBacklogGrowthSeconds) {

    // Two seconds' worth of growth: enrich takes up to 50 records a poll and publishes them in one transaction, so the
    // backlog rises and falls by a batch even when the stage keeps up.
    static final SustainRule DEFAULT = new SustainRule(0.95, 0.90, 2.0);

    /** Why the phase does not count as sustained; empty when it does. */
    List<String> shortfalls(PhaseResult phase) {
        List<String> why = new ArrayList<>();
        double offered = phase.offeredRate();
        if (phase.missing() > 0) {
            why.add(phase.missing() + " posted articles not searchable within the grace period");
        }
        if (phase.postFailures() > 0) {
            why.add(phase.postFailures() + " POSTs failed");
        }
        if (phase.postRate() < minPostShare * offered) {
            why.add(String.format("accepted %.1f/s of %.0f/s offered", phase.postRate(), offered));
        }
        if (phase.steadySearchableRate() < minSearchableShare * offered) {
            why.add(String.format("searchable %.1f/s in the steady window", phase.steadySearchableRate()));
        }
        double growth = phase.backlogAtEnd() - phase.backlogAtSteadyStart();
        if (growth > Math.max(1, maxBacklogGrowthSeconds * offered)) {
            why.add(String.format("backlog grew by %.0f articles", growth));
        }
        return why;
    }
}
