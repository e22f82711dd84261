package news.wire.enrich.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import news.wire.enrich.numbers.SpelledNumbers.Form;

class SpelledNumbersTest {

    private static SpelledNumbers.Reading read(String words) {
        return SpelledNumbers.read(CopyTokens.of(words), 0, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nineteen                                         | 19
            forty-two                                        | 42
            forty two                                        | 42
            a hundred                                        | 100
            fifteen hundred                                  | 1500
            two million three hundred thousand               | 2300000
            one thousand and one                             | 1001
            two dozen                                        | 24
            """)
    void cardinals(String words, long value) {
        SpelledNumbers.Reading reading = read(words + " bottles");
        assertEquals(Form.CARDINAL, reading.form());
        assertEquals(value, reading.value().longValueExact());
        assertEquals(CopyTokens.of(words).size(), reading.next(), "stops before the noun");
    }

    @Test
    void numberWordsInARowAreSeparateFigures() {
        assertEquals(1, read("one two three").value().intValue());
        assertEquals(1, read("one two three").next());
    }

    @Test
    void aAloneIsNotAFigure() {
        assertNull(read("a bottle"));
    }

    @Test
    void fractions() {
        assertEquals(Form.FRACTION, read("two-fifths of").form());
        assertEquals(0.4, read("two-fifths of").value().doubleValue(), 1e-9);
        SpelledNumbers.Reading quarters = read("two quarters ahead");
        assertEquals(Form.CARDINAL, quarters.form(), "quarters of a year, not a share");
        assertEquals(2, quarters.value().intValue());
        assertEquals(1, quarters.next());
    }

    @Test
    void ranks() {
        SpelledNumbers.Reading reading = read("ninetieth birthday");
        assertEquals(Form.ORDINAL, reading.form());
        assertEquals(90, reading.value().intValue());
        assertEquals(1, reading.next());
    }
}
