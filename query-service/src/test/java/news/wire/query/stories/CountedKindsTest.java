package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountedKindsTest {

    @Test
    void peopleAreToldFromMeasures() {
        assertEquals(CountedKinds.Kind.PEOPLE, CountedKinds.of("Palestinian prisoners"));
        assertEquals(CountedKinds.Kind.MEASURE, CountedKinds.of("tonnes"));
    }

    @Test
    void theWordsKeptStayWithinTheBoundWhateverTheCopyCounts() {
        for (int i = 0; i < CountedKinds.MOST_KNOWN + 500; i++) {
            assertEquals(CountedKinds.Kind.OTHER, CountedKinds.of("qxzv" + i));
        }

        assertTrue(CountedKinds.known() <= CountedKinds.MOST_KNOWN, "kept " + CountedKinds.known());
    }
}
