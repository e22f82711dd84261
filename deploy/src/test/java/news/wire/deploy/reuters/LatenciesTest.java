package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int millis = 2000; millis >= 1; millis--) {
            latencies.add(millis * 1_000_000L);
        }

        assertEquals(2000, latencies.count());
        assertEquals(1000.0, latencies.percentileMillis(50));
        assertEquals(1980.0, latencies.percentileMillis(99));
        assertEquals(2000.0, latencies.percentileMillis(100));
        assertEquals(1.0, latencies.percentileMillis(0));
    }

    @Test
    void nothingMeasuredIsNotANumber() {
        assertTrue(Double.isNaN(new Latencies().percentileMillis(50)));
    }
}
