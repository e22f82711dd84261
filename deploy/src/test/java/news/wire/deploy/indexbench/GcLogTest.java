package news.wire.deploy.indexbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void countsFullCollectionsAndEvacuationFailuresAndReadsTheHeapAfterYoungOnes() {
        GcLog log = GcLog.of(List.of(
                "[0.412s][info][gc] Using G1",
                "[3.100s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(64M) 4.1ms",
                "[4.200s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Evacuation Pause) 90M->40M(128M) 6.0ms",
                "[4.300s][info][gc] GC(3) Concurrent Mark Cycle",
                "[4.500s][info][gc] GC(3) Pause Remark 70M->70M(128M) 3.2ms",
                "[5.000s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) (Evacuation Failure: Allocation) "
                        + "250M->248M(256M) 30.5ms",
                "[5.200s][info][gc] GC(5) Pause Full (G1 Compaction Pause) 255M->131M(256M) 211.9ms",
                "[6.000s][info][gc] GC(6) Pause Young (Normal) (G1 Evacuation Pause) 200M->100M(256M) 9.0ms",
                "[7.000s][info][gc] GC(7) Pause Full (G1 Compaction Pause) 250M->106M(256M) 180.0ms"));
        assertEquals(7, log.pauses());
        assertEquals(2, log.fullPauses());
        assertEquals(1, log.evacuationFailures());
        assertEquals(131.0, log.mostAfterFullMb());
        // After young collections: 20, 40, 248, 100; the 90th percentile of four is the highest.
        assertEquals(248.0, log.afterYoungP90Mb());
    }

    @Test
    void aQuietLogHasNothingToSay() {
        GcLog log = GcLog.of(List.of("[0.412s][info][gc] Using G1"));
        assertEquals(0, log.pauses());
        assertEquals(0, log.fullPauses());
        assertTrue(Double.isNaN(log.afterYoungP90Mb()));
        assertTrue(Double.isNaN(log.mostAfterFullMb()));
    }
}
