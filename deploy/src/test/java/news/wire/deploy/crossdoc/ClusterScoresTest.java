package news.wire.deploy.crossdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterScoresTest {

    private static final double EPSILON = 1e-9;

    @Test
    void scoresAHandExample() {
        // gold {a,b,c} {d,e}; system {a,b} {c,d,e}
        Map<String, String> gold = Map.of("a", "G1", "b", "G1", "c", "G1", "d", "G2", "e", "G2");
        Map<String, String> system = Map.of("a", "S1", "b", "S1", "c", "S2", "d", "S2", "e", "S2");

        ClusterScores scores = ClusterScores.of(gold, system);

        // precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3; recall: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2
        assertEquals(11.0 / 15, scores.bcubedPrecision(), EPSILON);
        assertEquals(11.0 / 15, scores.bcubedRecall(), EPSILON);
        assertEquals(11.0 / 15, scores.bcubedF1(), EPSILON);
        // system pairs ab cd ce de, gold pairs ab ac bc de: two shared
        assertEquals(0.5, scores.pairPrecision(), EPSILON);
        assertEquals(0.5, scores.pairRecall(), EPSILON);
        assertEquals(5, scores.items());
    }

    @Test
    void oneBigClusterHasFullRecallAndLowPrecision() {
        Map<String, String> gold = Map.of("a", "G1", "b", "G1", "c", "G2", "d", "G3");
        Map<String, String> system = Map.of("a", "S", "b", "S", "c", "S", "d", "S");

        ClusterScores scores = ClusterScores.of(gold, system);

        assertEquals(1.0, scores.bcubedRecall(), EPSILON);
        assertEquals((2 * 0.5 + 0.25 + 0.25) / 4, scores.bcubedPrecision(), EPSILON);
        assertEquals(1.0 / 6, scores.pairPrecision(), EPSILON);
        assertEquals(1.0, scores.pairRecall(), EPSILON);
    }

    @Test
    void singletonsLeavePairwisePrecisionUndefined() {
        Map<String, String> gold = Map.of("a", "G1", "b", "G1");
        Map<String, String> system = Map.of("a", "S1", "b", "S2");

        ClusterScores scores = ClusterScores.of(gold, system);

        assertEquals(1.0, scores.bcubedPrecision(), EPSILON);
        assertEquals(0.5, scores.bcubedRecall(), EPSILON);
        assertTrue(Double.isNaN(scores.pairPrecision()));
        assertEquals(0.0, scores.pairRecall(), EPSILON);
    }

    @Test
    void refusesClusteringsOfDifferentItems() {
        assertThrows(IllegalArgumentException.class, () -> ClusterScores.of(Map.of("a", 1), Map.of("b", 1)));
    }
}
