package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WireTextTest {

    private final WireText text = new WireText();

    @Test
    void honoursADeclaredLatin1Charset() {
        byte[] latin1 = "Un café à Lyon".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals("Un café à Lyon", text.decode(latin1, "ISO-8859-1"));
    }

    @Test
    void defaultsToUtf8() {
        assertEquals("Zürich", text.decode("Zürich".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void refusesInvalidUtf8NamingCharsetAndOffset() {
        byte[] bytes = {'C', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k'};

        WireFormatException e = assertThrows(WireFormatException.class, () -> text.decode(bytes, "UTF-8"));

        assertEquals("invalid-charset", e.kind());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 3"), e.getMessage());
        assertTrue(e.getMessage().contains("0xE9"), e.getMessage());
    }

    @Test
    void refusesUtf8CutOffMidCharacter() {
        byte[] bytes = {'a', 'b', (byte) 0xE2, (byte) 0x82};

        WireFormatException e = assertThrows(WireFormatException.class, () -> text.decode(bytes, null));

        assertEquals("invalid-charset", e.kind());
        assertTrue(e.getMessage().contains("byte offset 2"), e.getMessage());
    }

    @Test
    void refusesBytesUnmappableInTheDeclaredCharset() {
        byte[] bytes = {'x', (byte) 0x81, 'y'};

        WireFormatException e = assertThrows(WireFormatException.class, () -> text.decode(bytes, "windows-1252"));

        assertEquals("invalid-charset", e.kind());
        assertTrue(e.getMessage().contains("windows-1252"), e.getMessage());
    }

    @Test
    void refusesUnknownCharsets() {
        assertEquals("unsupported-charset",
                assertThrows(WireFormatException.class, () -> text.decode(new byte[] {'a'}, "x-klingon-8")).kind());
        assertEquals("unsupported-charset",
                assertThrows(WireFormatException.class, () -> text.decode(new byte[] {'a'}, "not a name!")).kind());
    }

    @Test
    void stripsAUtf8ByteOrderMark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'H', 'i'};

        assertEquals("Hi", text.decode(bytes, "UTF-8"));
    }

    @Test
    void readsUtf16ByItsByteOrderMark() {
        byte[] bytes = "\uFEFFÉté".getBytes(StandardCharsets.UTF_16BE);

        assertEquals("Été", text.decode(bytes, null));
    }

    @Test
    void xmlUsesItsDeclaredEncodingWhenTheHeaderHasNone() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>café</p>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertTrue(text.decodeXml(xml, null).endsWith("<p>café</p>"));
    }

    @Test
    void xmlHeaderCharsetWinsOverTheDeclaration() {
        byte[] xml = "<?xml version='1.0' encoding='ISO-8859-1'?><p>café</p>".getBytes(StandardCharsets.UTF_8);

        assertTrue(text.decodeXml(xml, "UTF-8").endsWith("<p>café</p>"));
    }

    @Test
    void htmlUsesItsMetaCharsetWhenTheHeaderHasNone() {
        byte[] html = "<html><head><meta charset=\"iso-8859-1\"></head><body>crème</body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertTrue(text.decodeHtml(html, null).contains("crème"));
    }
}
