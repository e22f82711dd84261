package news.wire.deploy.e2ebench;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The pipeline's figures as ratios to the transport floor's: its sustained rate (the highest sustained step when the
 * ramp found one, else the fixed phase) and its servers' CPU per article in that phase, the driver left out of both.
 */
record FloorComparison(PhaseResult phase, double pipelineCpuPerArticle, TransportFloor.Result floor) {

    /** The phase the pipeline is judged by, or null when there is none to judge. */
    static PhaseResult reference(List<PhaseResult> fixed, List<PhaseResult> steps, OptionalDouble highestSustained) {
        if (highestSustained.isPresent()) {
            for (PhaseResult step : steps) {
                if (step.offeredRate() == highestSustained.getAsDouble()) {
                    return step;
                }
            }
        }
        return fixed.isEmpty() ? null : fixed.get(0);
    }

    static FloorComparison of(PhaseResult phase, TransportFloor.Result floor) {
        return new FloorComparison(phase, serverMillisPerArticle(phase.cpuMillis(), phase.posted()), floor);
    }

    /** The pipeline's sustained rate over the floor's: how much of what the servers can carry it delivers. */
    double rateRatio() {
        return floor.rate() > 0 ? phase.steadySearchableRate() / floor.rate() : Double.NaN;
    }

    /** The pipeline's CPU per article over the floor's: how many times the bare transport an article costs. */
    double cpuRatio() {
        return floor.serverMillisPerArticle() > 0 ? pipelineCpuPerArticle / floor.serverMillisPerArticle() : Double.NaN;
    }

    private static double serverMillisPerArticle(Map<String, Long> cpuMillis, long articles) {
        long servers = cpuMillis.entrySet().stream().filter(e -> !e.getKey().equals("driver"))
                .mapToLong(Map.Entry::getValue).sum();
        return articles > 0 ? servers / (double) articles : Double.NaN;
    }
}
