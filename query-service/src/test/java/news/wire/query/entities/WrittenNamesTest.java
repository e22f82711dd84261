package news.wire.query.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WrittenNamesTest {

    @Test
    void namesWrittenAreCoveredAndNewOnesAreNot() {
        WrittenNames written = new WrittenNames();
        written.remember("person:1", List.of("Angela Merkel", "Merkel"));

        assertTrue(written.cover("person:1", Set.of("Merkel")));
        assertFalse(written.cover("person:1", Set.of("Merkel", "Chancellor Merkel")), "a new name must be written");
        assertFalse(written.cover("person:2", Set.of("Merkel")));
    }

    @Test
    void entitiesBeyondTheBoundPushOutTheLeastRecentlySeen() {
        WrittenNames written = new WrittenNames();
        int more = 500;
        for (int i = 0; i < WrittenNames.MOST_REMEMBERED + more; i++) {
            written.remember("org:" + i, List.of("Org " + i));
            if (i == WrittenNames.MOST_REMEMBERED - 1) {
                assertTrue(written.cover("org:0", Set.of("Org 0"))); // seen again: kept
            }
        }

        assertEquals(WrittenNames.MOST_REMEMBERED, written.size());
        assertTrue(written.cover("org:0", Set.of("Org 0")), "an entity seen lately stays");
        assertFalse(written.cover("org:2", Set.of("Org 2")), "the least recently seen go");
        int last = WrittenNames.MOST_REMEMBERED + more - 1;
        assertTrue(written.cover("org:" + last, Set.of("Org " + last)));
    }
}
