package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void indentedOrBlankLinesStartParagraphs() {
        String raw = "First line\nwraps here.\n    Second paragraph\nwraps too.\n\nThird after a blank line.\n\tFourth, tabbed.\n";

        assertEquals("First line wraps here.\n\nSecond paragraph wraps too.\n\nThird after a blank line.\n\nFourth, tabbed.",
                WireText.paragraphs(raw));
    }

    @Test
    void controlCharactersAndExtraSpaceGo() {
        assertEquals("Net rose 12 pct to 4.5 mln dlrs",
                WireText.paragraphs("\u0002Net  rose\u007f 12\u00a0pct to\r\n4.5 mln dlrs\r\n\u0003"));
        assertEquals("Two lines as one", WireText.line("  Two lines\n as one \u001B[B"));
        assertEquals("", WireText.paragraphs(" \n\u0003\n"));
    }

    @Test
    void aLoneEscapeIsDroppedAlone() {
        assertEquals("A[ B", WireText.line("A\u001B[ B"));
    }
}
