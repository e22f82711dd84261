package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    private final HtmlText html = new HtmlText();

    @Test
    void decodesEntitiesAndSeparatesParagraphsByOneBlankLine() {
        String text = html.toText("<p>Caf&eacute; owners &amp; stallholders met on Monday.</p>"
                + "<p>&ldquo;We&#8217;re ready,&rdquo; said one.</p>");

        assertEquals("Café owners & stallholders met on Monday.\n\n“We’re ready,” said one.", text);
    }

    @Test
    void collapsesWhitespaceAndNoBreakSpacesInsideAParagraph() {
        assertEquals("The ferry left at 06:40 sharp.",
                html.toText("<p>  The ferry\n\t left at&nbsp;&nbsp;06:40\n sharp. </p>"));
    }

    @Test
    void inlineElementsDoNotSplitParagraphs() {
        assertEquals("The council's decision was final.",
                html.toText("<p>The <b>council</b>'s <a href=\"/x\">decision</a> was <em>final</em>.</p>"));
    }

    @Test
    void blockElementsBecomeParagraphsWithoutEmptyOnes() {
        String text = html.toText("<div><h2>Results</h2><div><div>First</div></div>"
                + "<ul><li>Ana 12.1s</li><li>Bo 12.4s</li></ul><blockquote>It was windy.</blockquote>"
                + "Line one<br>Line two<br><br><br>Line three</div>");

        assertEquals("Results\n\nFirst\n\nAna 12.1s\n\nBo 12.4s\n\nIt was windy.\n\nLine one\n\nLine two\n\nLine three",
                text);
    }

    @Test
    void leavesOutScriptsAndStyles() {
        String text = html.toText("<style>p { color: red }</style><p>Rain by noon.</p>"
                + "<script>var tracker = 'x';</script><noscript>Enable JS</noscript>");

        assertEquals("Rain by noon.", text);
    }

    @Test
    void keepsTableCellsApart() {
        assertEquals("Team Points\n\nRovers 31",
                html.toText("<table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>31</td></tr></table>"));
    }

    @Test
    void nothingToReadIsNull() {
        assertNull(html.toText("<p> </p><div>&nbsp;</div>"));
        assertNull(html.toText((String) null));
    }
}
