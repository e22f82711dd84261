package news.wire.deploy.watchbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class WatchMixTest {

    private final WatchMix mix = new WatchMix("ab12", 4);

    @Test
    void aSmallerCountIsTheStartOfALargerOne() {
        assertEquals(mix.standing(0, 1_000, 7), mix.standing(0, 10_000, 7).subList(0, 1_000));
        assertEquals(mix.standing(0, 10_000, 7).subList(1_000, 1_500), mix.standing(1_000, 500, 7));
        assertNotEquals(mix.standing(0, 50, 7), mix.standing(0, 50, 8), "another seed draws other watches");
    }

    @Test
    void standingWatchesComeInEveryShapeWithoutAWebhookOrTheRunsWords() {
        List<ObjectNode> watches = mix.standing(0, 600, 1);
        Set<String> shapes = new HashSet<>();
        for (ObjectNode w : watches) {
            assertFalse(w.has("webhook"), w.toString());
            assertFalse(w.toString().contains("wbab12"), "a standing watch must not match by a group's word: " + w);
            List<String> filters = new java.util.ArrayList<>();
            w.fieldNames().forEachRemaining(filters::add);
            filters.remove("name");
            shapes.add(String.join("+", filters.stream().sorted().toList()));
        }
        assertEquals(Set.of("q", "entity", "entityType+q", "q+source", "min+numberKind+q", "countedThing+entity+min"),
                shapes);
        assertEquals(600, watches.stream().map(w -> w.path("name").asText()).distinct().count(), "names are unique");
    }

    @Test
    void eachProbeMatchesOneGroupByItsWordAndPostsToItsWebhook() {
        ObjectNode probe = mix.probe(6, "http://127.0.0.1:1/hooks/probe6");
        assertEquals("wbab12g2", probe.path("q").asText());
        assertEquals("http://127.0.0.1:1/hooks/probe6", probe.path("webhook").path("url").asText());
        assertEquals("wbab12g3", mix.groupWord(mix.groupOf(7)));
        assertEquals(2, mix.probesMatching(2, 8), "probes 2 and 6");
        assertEquals(1, mix.probesMatching(2, 4));
        assertEquals(0, mix.probesMatching(3, 3));
    }

    @Test
    void aRunWordMustBeOneSearchableWord() {
        assertThrows(IllegalArgumentException.class, () -> new WatchMix("a-b", 4));
        assertThrows(IllegalArgumentException.class, () -> new WatchMix("ab", 0));
        assertTrue(mix.groupWord(0).matches("[a-z0-9]+"));
    }
}
