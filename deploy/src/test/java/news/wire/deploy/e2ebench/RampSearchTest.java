package news.wire.deploy.e2ebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import news.wire.deploy.reuters.Latencies;

class RampSearchTest {

    private final RampSearch search = new RampSearch(30, 10, 80, SustainRule.DEFAULT);

    private static PhaseResult failed(double rate) {
        return new PhaseResult("step " + rate, rate, 30, Math.round(rate * 30), 0, Math.round(rate * 30) - 5,
                new Latencies(), rate, 0, 0, 0, Map.of(), 40);
    }

    @Test
    void climbsWhileSustainedAndStopsAtTheFirstFailure() {
        List<PhaseResult> done = new ArrayList<>();
        assertEquals(OptionalDouble.of(30), search.next(done));
        done.add(SustainRuleTest.kept(30));
        assertEquals(OptionalDouble.of(40), search.next(done));
        done.add(SustainRuleTest.kept(40));
        done.add(failed(50));
        assertTrue(search.next(done).isEmpty());
        assertEquals(OptionalDouble.of(40), search.highestSustained(done));
    }

    @Test
    void stopsAtTheCeilingAndSaysItWasSustained() {
        List<PhaseResult> done = new ArrayList<>();
        for (double rate = 30; rate <= 80; rate += 10) {
            done.add(SustainRuleTest.kept(rate));
        }
        assertTrue(search.next(done).isEmpty());
        assertEquals(OptionalDouble.of(80), search.highestSustained(done));
    }

    @Test
    void noneWhenTheFirstStepFails() {
        assertTrue(search.highestSustained(List.of(failed(30))).isEmpty());
    }

    @Test
    void aLaterPassAfterAFailureDoesNotCount() {
        assertEquals(OptionalDouble.of(30), search.highestSustained(
                List.of(SustainRuleTest.kept(30), failed(40), SustainRuleTest.kept(50))));
    }
}
