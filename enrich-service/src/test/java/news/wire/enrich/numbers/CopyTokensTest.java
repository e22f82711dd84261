package news.wire.enrich.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CopyTokensTest {

    private static List<String> keys(CopyTokens tokens) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            keys.add(tokens.key(i));
        }
        return keys;
    }

    @Test
    void numeralsKeepThousandsGroupsAndOneDecimalPart() {
        CopyTokens tokens = CopyTokens.of("Exports of 33,900 cars rose 2.5 points, 1,2 or 3.");
        assertEquals(List.of("exports", "of", "33,900", "cars", "rose", "2.5", "points", ",", "1", ",", "2", "or", "3",
                "."), keys(tokens));
        assertTrue(tokens.isNumeral(2));
        assertTrue(tokens.isWord(3));
        assertTrue(tokens.isSymbol(7));
    }

    @Test
    void lettersTouchingAFigureAreAttached() {
        CopyTokens tokens = CopyTokens.of("£40m and 40 m");
        assertEquals(List.of("£", "40", "m", "and", "40", "m"), keys(tokens));
        assertTrue(tokens.attached(1));
        assertTrue(tokens.attached(2));
        assertFalse(tokens.attached(5));
        assertFalse(tokens.attached(0));
    }

    @Test
    void apostrophesInsideWordsStayInThem() {
        CopyTokens tokens = CopyTokens.of("at ten o’clock, the workers' pay");
        assertEquals(List.of("at", "ten", "o'clock", ",", "the", "workers", "'", "pay"), keys(tokens));
    }

    @Test
    void offsetsAreUtf16AndKeysAreLowerCase() {
        String text = "\uD83D\uDCF0 Twenty-Five";
        CopyTokens tokens = CopyTokens.of(text);
        assertEquals(4, tokens.size());
        assertEquals(2, tokens.end(0));
        assertEquals("Twenty", tokens.raw(1));
        assertEquals("twenty", tokens.key(1));
        assertEquals(text.indexOf("Five"), tokens.start(3));
        assertTrue(tokens.capitalised(3));
        assertEquals("", tokens.key(99), "outside the copy a key is empty, not an error");
    }
}
