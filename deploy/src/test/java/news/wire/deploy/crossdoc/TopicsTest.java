package news.wire.deploy.crossdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void readsRangesAndLists() {
        assertEquals(List.of(1, 2, 3, 7, 10, 11), List.copyOf(Topics.parse("1-3, 7,10-11")));
        assertEquals(35, Topics.parse("1-35").size());
        assertEquals("1-3,7,10-11", CrossdocEvaluation.ranges(Topics.parse("10-11,1-3,7")));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Topics.parse("5-2"));
        assertThrows(IllegalArgumentException.class, () -> Topics.parse("x"));
        assertThrows(IllegalArgumentException.class, () -> Topics.parse(""));
        assertEquals(Set.of(4), Topics.parse("4"));
    }
}
