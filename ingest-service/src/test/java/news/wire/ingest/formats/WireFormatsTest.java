package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import news.wire.ingest.formats.WireItem.PubStatus;

class WireFormatsTest {

    private final WireFormats formats = new WireFormats(new NinjsReader());

    @Test
    void readsNinjs() {
        assertEquals("Port Elwyn council votes to reopen tidal pool",
                formats.read(Samples.bytes("ninjs-1.json"), "application/ninjs+json").headline());
        assertEquals("Riverbank library on stilts opens to readers in Lowmarsh",
                formats.read(Samples.bytes("ninjs-2.json"), "application/ninjs+json; charset=utf-8").headline());
    }

    @Test
    void routesXmlByItsRootElement() {
        assertEquals("VWS-2026-11-20-0412", formats.read(Samples.bytes("nitf.xml"), "application/xml").sourceItemId());
        assertEquals("VWS-2026-11-20-0412",
                formats.read(Samples.bytes("nitf.xml"), "application/nitf+xml").sourceItemId());
        assertEquals("urn:newsml:fenwire.example:20261122:orchard-frost",
                formats.read(Samples.bytes("newsitem.xml"), "text/xml").sourceItemId());
        assertEquals("urn:newsml:fenwire.example:20261122:orchard-frost",
                formats.read(Samples.bytes("newsitem.xml"), "application/vnd.iptc.g2.newsitem+xml").sourceItemId());
        assertEquals("urn:newsml:fenwire.example:20261122:bridge-toll",
                formats.read(Samples.bytes("newsmessage.xml"), "application/xml").sourceItemId());
    }

    @Test
    void refusesXmlThatIsNeitherNitfNorNewsMl() {
        byte[] rss = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);

        assertEquals("unsupported-media-type",
                assertThrows(WireFormatException.class, () -> formats.read(rss, "application/xml")).kind());
    }

    @Test
    void honoursLatin1DeclaredInTheXmlDeclaration() {
        byte[] nitf = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf><head/><body><body.head><hedline>"
                + "<hl1>Le café du port rouvre</hl1></hedline></body.head><body.content><p>Après deux ans, le café "
                + "rouvre.</p></body.content></body></nitf>").getBytes(StandardCharsets.ISO_8859_1);

        WireItem item = formats.read(nitf, "application/nitf+xml");

        assertEquals("Le café du port rouvre", item.headline());
        assertEquals("Après deux ans, le café rouvre.", item.body());
    }

    @Test
    void honoursLatin1DeclaredInAContentTypeWrittenInCapitals() {
        byte[] text = "Le café du port rouvre\n\nAprès deux ans.".getBytes(StandardCharsets.ISO_8859_1);

        WireItem item = formats.read(text, "Text/Plain; charset=\"ISO-8859-1\"");

        assertEquals("Le café du port rouvre", item.headline());
        assertEquals("Après deux ans.", item.body());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] text = {'C', 'a', 'f', (byte) 0xC3, '(', '\n', '\n', 'x'};

        WireFormatException e = assertThrows(WireFormatException.class, () -> formats.read(text, "text/plain"));

        assertEquals("invalid-charset", e.kind());
        assertTrue(e.getMessage().contains("byte offset 3"), e.getMessage());
    }

    @Test
    void refusesLatin1BytesLabelledUtf8() {
        byte[] nitf = "<nitf><head><title>Café</title></head></nitf>".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals("invalid-charset", assertThrows(WireFormatException.class,
                () -> formats.read(nitf, "application/xml; charset=UTF-8")).kind());
    }

    @Test
    void refusesAnXxeAttemptQuickly() {
        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><nitf>&e;</nitf>"
                .getBytes(StandardCharsets.UTF_8);

        WireFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(WireFormatException.class, () -> formats.read(xxe, "application/xml")));
        assertEquals("dtd-refused", e.kind());
    }

    @Test
    void reportsMalformedXml() {
        byte[] broken = "<newsItem guid=\"x\">\n<itemMeta>\n</newsItem>".getBytes(StandardCharsets.UTF_8);

        WireFormatException e = assertThrows(WireFormatException.class, () -> formats.read(broken, "text/xml"));

        assertEquals("malformed-xml", e.kind());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void readsPlainText() {
        WireItem item = formats.read("Flood barrier tested\n\nThe barrier rose in eleven minutes."
                .getBytes(StandardCharsets.UTF_8), "text/plain");

        assertEquals("Flood barrier tested", item.headline());
        assertEquals("The barrier rose in eleven minutes.", item.body());
        assertNull(item.source());
    }

    @Test
    void readsAnHtmlPageWithItsFirstH1AsHeadline() {
        byte[] page = ("<!DOCTYPE html><html lang=\"fr\"><head><title>Site | Story</title>"
                + "<meta name=\"author\" content=\"Jeanne Lorec\"></head><body><nav>Home</nav>"
                + "<h1>Le pont de Saint-Orvel fermé</h1><p>Le pont est fermé jusqu&#8217;à lundi.</p>"
                + "<p>Une déviation est en place.</p><footer>© Site</footer></body></html>")
                .getBytes(StandardCharsets.UTF_8);

        WireItem item = formats.read(page, "text/html; charset=utf-8");

        assertEquals("Le pont de Saint-Orvel fermé", item.headline());
        assertEquals("Le pont est fermé jusqu’à lundi.\n\nUne déviation est en place.", item.body());
        assertEquals("fr", item.language());
        assertEquals("Jeanne Lorec", item.byline());
    }

    @Test
    void anHtmlPageWithoutH1UsesItsTitle() {
        byte[] page = "<html><head><title>Dune path reopens</title></head><body><p>Walkers are back.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals("Dune path reopens", formats.read(page, "text/html").headline());
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/pdf", "multipart/form-data; boundary=x", "text", ""})
    void refusesUnsupportedMediaTypes(String contentType) {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> formats.read("x".getBytes(StandardCharsets.UTF_8), contentType));

        assertEquals("unsupported-media-type", e.kind());
    }

    @Test
    void refusesAMissingContentType() {
        assertEquals("unsupported-media-type",
                assertThrows(WireFormatException.class, () -> formats.read(new byte[] {'x'}, null)).kind());
    }

    @Test
    void refusesAUsableItemWithoutHeadlineOrBody() {
        WireFormatException noBody = assertThrows(WireFormatException.class,
                () -> formats.read("Just a headline".getBytes(StandardCharsets.UTF_8), "text/plain"));
        byte[] bodyOnly = "{\"uri\": \"urn:x:9\", \"body_text\": \"Text\"}".getBytes(StandardCharsets.UTF_8);
        WireFormatException noHeadline = assertThrows(WireFormatException.class,
                () -> formats.read(bodyOnly, "application/ninjs+json"));

        assertEquals("missing-field", noBody.kind());
        assertTrue(noBody.getMessage().contains("body"), noBody.getMessage());
        assertEquals("missing-field", noHeadline.kind());
        assertTrue(noHeadline.getMessage().contains("headline"), noHeadline.getMessage());
    }

    @Test
    void letsABareKillThroughWhenItSaysWhichItemItWithdraws() {
        WireItem kill = formats.read(Samples.bytes("newsmessage-canceled.xml"),
                "application/vnd.iptc.g2.newsitem+xml");
        WireItem ninjsKill = formats.read("{\"uri\": \"urn:x:10\", \"pubstatus\": \"canceled\"}"
                .getBytes(StandardCharsets.UTF_8), "application/ninjs+json");

        assertEquals(PubStatus.WITHDRAWN, kill.pubStatus());
        assertEquals("urn:newsml:fenwire.example:20261122:bridge-toll", kill.sourceItemId());
        assertEquals(PubStatus.WITHDRAWN, ninjsKill.pubStatus());
    }

    @Test
    void refusesAKillThatNamesNoItem() {
        assertEquals("missing-field", assertThrows(WireFormatException.class, () -> formats.read(
                "{\"pubstatus\": \"canceled\"}".getBytes(StandardCharsets.UTF_8), "application/ninjs+json")).kind());
    }
}
