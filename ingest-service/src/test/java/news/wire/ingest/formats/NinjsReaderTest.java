package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.ingest.formats.WireItem.PubStatus;

class NinjsReaderTest {

    private final NinjsReader reader = new NinjsReader();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsNinjs1() {
        WireItem item = reader.read(Samples.text("ninjs-1.json"));

        assertEquals("urn:newsml:wire.example:20261120:harbour-pool-vote", item.sourceItemId());
        assertEquals(2, item.providerVersion());
        assertEquals("Elwyn Valley Press", item.source());
        assertEquals("Port Elwyn council votes to reopen tidal pool", item.headline());
        assertEquals("Port Elwyn’s tidal pool will reopen next summer after councillors voted 9–2 to fund repairs "
                + "to its sea wall.\n\n"
                + "The pool, built in 1931, has been closed since storms in \"the winter of the long tide\" cracked "
                + "its eastern steps & flooded the changing huts.\n\n"
                + "Repairs are expected to cost about €410,000.", item.body());
        assertEquals("en", item.language());
        assertEquals(Instant.parse("2026-11-20T07:45:00Z"), item.publishedAt());
        assertEquals(Instant.parse("2026-11-20T08:10:00Z"), item.versionCreated());
        assertEquals("Maren Oakes", item.byline());
        assertEquals(List.of(new ProviderSubject("leisure", "Leisure", null),
                new ProviderSubject(null, "Local government", null),
                new ProviderSubject("11000000", "politics", "medtop")), item.subjects());
        assertEquals(List.of("Maren Oakes", "Idris Calloway"), item.people());
        assertEquals(List.of("Port Elwyn Town Council"), item.organisations());
        assertEquals(List.of("Port Elwyn", "Elwyn Valley"), item.places());
        assertEquals(PubStatus.USABLE, item.pubStatus());
        assertNull(item.embargoedUntil());
    }

    @Test
    void readsNinjs2() {
        WireItem item = reader.read(Samples.text("ninjs-2.json"));

        assertEquals("https://wire.example/items/8f2c41d0-riverbank-library", item.sourceItemId());
        assertEquals(5, item.providerVersion());
        assertEquals("Fenland Wire", item.source());
        assertEquals("Riverbank library on stilts opens to readers in Lowmarsh", item.headline());
        assertEquals("A library raised two metres above the flood plain opened in Lowmarsh on Saturday.\n\n"
                + "Its architect said the stilts let winter floods pass beneath the reading room.\n\n"
                + "The building cost 2.1 million.", item.body());
        assertEquals("en-GB", item.language());
        assertEquals(Instant.parse("2026-11-21T06:00:00Z"), item.publishedAt());
        assertEquals(Instant.parse("2026-11-21T06:32:10.250Z"), item.versionCreated());
        assertEquals("By Tomas Reyne; Ada Finch", item.byline());
        assertEquals(List.of(new ProviderSubject(null, "Architecture", null), new ProviderSubject(null, "Flooding", null),
                new ProviderSubject("06000000", "environment", "medtop")), item.subjects());
        assertEquals(List.of("Helga Brandt"), item.people());
        assertEquals(List.of("Lowmarsh District Libraries"), item.organisations());
        assertEquals(List.of("Lowmarsh", "Fen County"), item.places());
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), item.embargoedUntil());
    }

    @Test
    void readsAnHtmlBodyWhenNoPlainOneIsGiven() {
        WireItem item = reader.read("""
                {"uri": "urn:x:1", "headlines": [{"value": "Snow closes pass"}],
                 "bodies": [{"value": "<p>The pass closed at 4&nbsp;pm.</p><p>It may reopen Friday.</p>"}]}
                """);

        assertEquals("Snow closes pass", item.headline());
        assertEquals("The pass closed at 4 pm.\n\nIt may reopen Friday.", item.body());
    }

    @Test
    void fallsBackToVersionCreatedForPublicationTime() {
        WireItem item = reader.read("{\"uri\": \"urn:x:2\", \"versioncreated\": \"2026-11-20T10:00:00Z\"}");

        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), item.publishedAt());
        assertEquals(List.of(), item.subjects());
        assertEquals(List.of(), item.places());
        assertNull(item.source());
    }

    @ParameterizedTest
    @CsvSource({"usable, USABLE", "canceled, WITHDRAWN", "withheld, WITHDRAWN"})
    void mapsPublicationStatus(String pubstatus, PubStatus expected) {
        WireItem item = reader.read("{\"uri\": \"urn:x:3\", \"pubstatus\": \"" + pubstatus + "\"}");

        assertEquals(expected, item.pubStatus());
    }

    @Test
    void refusesAnUnknownStatusRatherThanPublishingAKill() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> reader.read("{\"uri\": \"urn:x:4\", \"pubstatus\": \"killed\"}"));

        assertEquals("invalid-field", e.kind());
    }

    @Test
    void namesTheFieldOfAnUnreadableDate() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> reader.read("{\"uri\": \"urn:x:5\", \"embargoed\": \"tomorrow at nine\"}"));

        assertEquals("invalid-date", e.kind());
        assertTrue(e.getMessage().contains("embargoed"), e.getMessage());
    }

    @Test
    void refusesMalformedAndAmbiguousJson() {
        assertEquals("malformed-json",
                assertThrows(WireFormatException.class, () -> reader.read("{\"uri\": \"urn:x\",")).kind());
        assertEquals("malformed-json", assertThrows(WireFormatException.class,
                () -> reader.read("{\"headline\": \"One\", \"headline\": \"Two\"}")).kind());
    }

    @Test
    void refusesAVersionThatIsNotAWholeNumber() {
        assertEquals("invalid-field", assertThrows(WireFormatException.class,
                () -> reader.read("{\"uri\": \"urn:x:6\", \"version\": \"2b\"}")).kind());
    }

    @Test
    void tellsNinjsFromTheSimpleForm() throws Exception {
        assertTrue(reader.looksLikeNinjs(json.readTree(Samples.text("ninjs-1.json"))));
        assertTrue(reader.looksLikeNinjs(json.readTree(Samples.text("ninjs-2.json"))));
        assertTrue(reader.looksLikeNinjs(json.readTree("{\"headlines\": [], \"bodies\": []}")));
        assertFalse(reader.looksLikeNinjs(json.readTree(
                "{\"headline\": \"H\", \"body\": \"B\", \"source\": \"S\", \"publishedAt\": \"2026-11-20T08:00:00Z\", "
                        + "\"language\": \"en\"}")));
        assertFalse(reader.looksLikeNinjs(json.readTree("[1, 2]")));
    }
}
