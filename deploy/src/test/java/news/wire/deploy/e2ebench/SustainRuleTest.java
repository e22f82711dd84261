package news.wire.deploy.e2ebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.wire.deploy.reuters.Latencies;

class SustainRuleTest {

    /** 30 s at {@code rate}, everything accepted and found, backlog steady at one second's worth. */
    static PhaseResult kept(double rate) {
        long posted = Math.round(rate * 30);
        return new PhaseResult("step " + rate, rate, 30, posted, 0, posted, new Latencies(), rate, Math.round(rate),
                Math.round(rate), 5, Map.of(), 40);
    }

    @Test
    void aPhaseThatKeptUpIsSustained() {
        assertEquals(List.of(), SustainRule.DEFAULT.shortfalls(kept(40)));
    }

    @Test
    void articlesNeverSearchableWithinTheGraceFail() {
        PhaseResult p = kept(40);
        PhaseResult lost = new PhaseResult(p.name(), 40, 30, p.posted(), 0, p.posted() - 3, p.latencies(), 40, 40, 40, 5, Map.of(), 40);
        assertTrue(SustainRule.DEFAULT.shortfalls(lost).get(0).startsWith("3 posted articles"));
    }

    @Test
    void aGrowingBacklogFailsEvenWhenEverythingArrivesInTheGrace() {
        // 40/s offered, the backlog grew from 40 to 200: over two seconds' worth (80) of growth.
        PhaseResult growing = new PhaseResult("step 40", 40, 30, 1200, 0, 1200, new Latencies(), 34.7, 40, 200, 160, Map.of(), 40);
        List<String> why = SustainRule.DEFAULT.shortfalls(growing);
        assertTrue(why.stream().anyMatch(w -> w.startsWith("backlog grew by 160")), why::toString);
        assertTrue(why.stream().anyMatch(w -> w.startsWith("searchable 34.7/s")), why::toString);
    }

    @Test
    void aDriverThatCouldNotPostAtTheRateFails() {
        PhaseResult slow = new PhaseResult("step 40", 40, 30, 900, 0, 900, new Latencies(), 30, 10, 10, 5, Map.of(), 40);
        assertTrue(SustainRule.DEFAULT.shortfalls(slow).stream().anyMatch(w -> w.startsWith("accepted 30.0/s")));
    }

    @Test
    void growthOfUnderTwoSecondsWorthIsNoise() {
        PhaseResult wobble = new PhaseResult("step 40", 40, 30, 1200, 0, 1200, new Latencies(), 39, 30, 65, 5, Map.of(), 40);
        assertEquals(List.of(), SustainRule.DEFAULT.shortfalls(wobble));
    }
}
