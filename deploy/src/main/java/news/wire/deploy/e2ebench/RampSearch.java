package news.wire.deploy.e2ebench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The step search for the highest sustained rate: from {@code from}, up by {@code step} while each step is sustained,
 * to {@code to} at most. The first step that is not sustained ends the search; the one before it is the answer. A
 * step search rather than bisection: each step is a full phase, and going up steadily keeps the JVMs warm from one
 * step to the next.
 */
record RampSearch(double from, double step, double to, SustainRule rule) {

    /** The rate of the next step after {@code done} (in the order run), or empty when the search is over. */
    OptionalDouble next(List<PhaseResult> done) {
        if (done.isEmpty()) {
            return OptionalDouble.of(from);
        }
        PhaseResult last = done.get(done.size() - 1);
        double next = last.offeredRate() + step;
        if (!rule.shortfalls(last).isEmpty() || next > to + 1e-9) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(next);
    }

    /** The highest step that was sustained, as long as every step below it was too; empty when none was. */
    OptionalDouble highestSustained(List<PhaseResult> done) {
        OptionalDouble best = OptionalDouble.empty();
        for (PhaseResult phase : done) {
            if (!rule.shortfalls(phase).isEmpty()) {
                break;
            }
            best = OptionalDouble.of(phase.offeredRate());
        }
        return best;
    }
}
