package news.wire.deploy.e2ebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class FloorComparisonTest {

    private static PhaseResult phase(String name, double rate, double searchable, long posted, Map<String, Long> cpu) {
        return new PhaseResult(name, rate, 60, posted, 0, posted, null, searchable, 0, 0, 0, cpu, 90);
    }

    @Test
    void thePipelineIsJudgedByItsHighestSustainedStepElseTheFixedPhase() {
        PhaseResult fixed = phase("fixed", 20, 19.8, 1200, Map.of());
        PhaseResult step10 = phase("step 10", 10, 10, 300, Map.of());
        PhaseResult step20 = phase("step 20", 20, 19.9, 600, Map.of());

        assertSame(step20, FloorComparison.reference(List.of(fixed), List.of(step10, step20), OptionalDouble.of(20)));
        assertSame(fixed, FloorComparison.reference(List.of(fixed), List.of(step10), OptionalDouble.empty()));
        assertNull(FloorComparison.reference(List.of(), List.of(step10), OptionalDouble.empty()));
    }

    @Test
    void ratiosLeaveTheDriverOutOnBothSides() {
        PhaseResult fixed = phase("fixed", 40, 38, 1000, Map.of("elasticsearch", 15_000L, "enrich", 11_000L,
                "kafka", 5_000L, "driver", 9_000L));
        TransportFloor.Result floor = new TransportFloor.Result(2000, 10, Map.of("kafka", 2_000L,
                "elasticsearch", 6_000L, "driver", 7_000L));

        FloorComparison comparison = FloorComparison.of(fixed, floor);

        assertEquals(31.0, comparison.pipelineCpuPerArticle(), 1e-9);
        assertEquals(4.0, floor.serverMillisPerArticle(), 1e-9);
        assertEquals(31.0 / 4.0, comparison.cpuRatio(), 1e-9);
        assertEquals(38.0 / 200.0, comparison.rateRatio(), 1e-9);
    }
}
