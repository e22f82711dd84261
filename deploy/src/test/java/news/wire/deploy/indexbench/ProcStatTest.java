package news.wire.deploy.indexbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void cpuTicksAreUtimePlusStime() {
        // A JVM's line from /proc/<pid>/stat: utime 1234 (field 14), stime 567 (field 15); child times ignored.
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 9 8 20 0 41 0 3456789 "
                + "3012345856 61234 18446744073709551615 1 1 0 0 0 0 0 16781312 16386 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1801, ProcStat.cpuTicks(stat));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 300 200 0 0 20 0 1 0 100 0 0";
        assertEquals(500, ProcStat.cpuTicks(stat));
    }

    @Test
    void aTruncatedLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("77 (java) R 1 77"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("no parentheses here"));
    }

    @Test
    void loadAverageIsTheFirstField() {
        assertEquals(6.91, ProcStat.loadAverage1("6.91 8.59 6.94 3/812 4321\n"), 1e-9);
    }

    @Test
    void thisProcessHasUsedSomeCpu() {
        double cpu = ProcStat.cpuSeconds(ProcessHandle.current().pid(), ProcStat.ticksPerSecond());
        org.junit.jupiter.api.Assertions.assertTrue(cpu > 0, "cpu " + cpu);
        assertEquals(-1, ProcStat.cpuSeconds(Long.MAX_VALUE, 100));
    }
}
