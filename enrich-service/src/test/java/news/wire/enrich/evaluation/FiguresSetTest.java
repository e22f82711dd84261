package news.wire.enrich.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import news.wire.enrich.evaluation.FiguresSet.Figure;
import news.wire.enrich.evaluation.FiguresSet.Sentence;
import news.wire.enrich.numbers.NumberKind;
import news.wire.enrich.numbers.Qualifier;

/** The hand-written numbers set stays whole: every line reads, and it cannot silently shrink below 200 sentences. */
class FiguresSetTest {

    private final List<Sentence> set = FiguresSet.load();

    @Test
    void holdsAtLeast200SentencesEachOnce() {
        assertTrue(set.size() >= 200, "only " + set.size() + " sentences");
        Set<String> seen = new HashSet<>();
        set.forEach(s -> assertTrue(seen.add(s.text()), "line " + s.line() + " repeats a sentence"));
        long figures = set.stream().mapToLong(s -> s.figures().size()).sum();
        assertTrue(figures >= 200, "only " + figures + " figures");
        assertTrue(set.stream().anyMatch(s -> s.figures().isEmpty()), "no sentence without figures");
    }

    @Test
    void everyFigureIsComplete() {
        for (Sentence sentence : set) {
            for (Figure figure : sentence.figures()) {
                String where = "line " + sentence.line() + ": " + figure;
                if (figure.kind() == NumberKind.MONEY) {
                    // Throws for anything that is not an ISO 4217 code.
                    assertEquals(figure.currency(), Currency.getInstance(figure.currency()).getCurrencyCode(), where);
                    assertTrue(figure.counted().isEmpty(), where);
                } else {
                    assertTrue(figure.currency().isEmpty(), where);
                }
                if (figure.kind() == NumberKind.QUANTITY) {
                    assertFalse(figure.unit().isEmpty(), where);
                }
                if (figure.kind() == NumberKind.CARDINAL || figure.kind() == NumberKind.ORDINAL) {
                    assertTrue(figure.unit().isEmpty(), where);
                }
            }
        }
    }

    @Test
    void readsAFigureFieldByField() throws Exception {
        List<Sentence> read = FiguresSet.read(new StringReader(
                "# comment\nOil rose to $82 a barrel.\t82|MONEY|EXACT|USD|per barrel|\nIn 1998.\t-\n"));
        assertEquals(List.of(new Figure(82, NumberKind.MONEY, Qualifier.EXACT, "USD", "per barrel", "")),
                read.get(0).figures());
        assertEquals(2, read.get(0).line());
        assertEquals(List.of(), read.get(1).figures());
    }

    @Test
    void refusesALineItCannotRead() {
        assertThrows(IllegalArgumentException.class,
                () -> FiguresSet.read(new StringReader("14 miners were rescued.\t14|CARDNAL|EXACT|||miners\n")));
        assertThrows(IllegalArgumentException.class,
                () -> FiguresSet.read(new StringReader("14 miners were rescued. 14|CARDINAL|EXACT|||miners\n")));
    }
}
