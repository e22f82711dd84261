package news.wire.deploy.indexbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Figures.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Figures.median(List.of(4.0, 1.0)));
        assertEquals(7.0, Figures.median(List.of(7.0)));
    }

    @Test
    void medianLeavesOutMissingFigures() {
        assertEquals(2.0, Figures.median(Arrays.asList(2.0, Double.NaN, null)));
        assertTrue(Double.isNaN(Figures.median(List.of())));
    }

    @Test
    void rateLeavesOutWhatWasCountedAtTheFirstSighting() {
        // 200 already there at the first poll, 3000 two seconds later: 2800 in 2 s.
        assertEquals(1400.0, Figures.rate(200, 3000, 1_000_000_000L, 3_000_000_000L), 1e-9);
        assertTrue(Double.isNaN(Figures.rate(3000, 3000, 1, 2)));
        assertTrue(Double.isNaN(Figures.rate(0, 3000, 5, 5)));
    }

    @Test
    void cpuPerThousandArticles() {
        assertEquals(0.5, Figures.cpuPerThousand(1.5, 3000), 1e-9);
        assertTrue(Double.isNaN(Figures.cpuPerThousand(-1, 3000)));
        assertTrue(Double.isNaN(Figures.cpuPerThousand(1.0, 0)));
    }
}
