package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.wire.ingest.formats.WireItem.PubStatus;

class NitfReaderTest {

    private final NitfReader reader = new NitfReader();

    @Test
    void readsANitfStory() {
        WireItem item = reader.read(Samples.text("nitf.xml"));

        assertEquals("VWS-2026-11-20-0412", item.sourceItemId());
        assertNull(item.providerVersion());
        assertEquals("Vardenholm Wire Service", item.source());
        assertEquals("Glassworks strike ends after nine days in Vardenholm", item.headline());
        assertEquals("Workers at the Korrin glassworks in Vardenholm returned to the furnaces on Friday, ending a "
                + "nine-day strike.\n\n"
                + "A staged rise\n\n"
                + "The union said members had accepted a rise of 4% this year and 3.5% next year.\n\n"
                + "\"We kept the kilns warm the whole time,\" said union steward Lise Marwood.", item.body());
        assertEquals("en", item.language());
        assertEquals(Instant.parse("2026-11-20T08:30:00Z"), item.publishedAt());
        assertEquals("By Lise Marwood, Industry Correspondent", item.byline());
        assertEquals(List.of(new ProviderSubject("09000000", "Labour", "subj"),
                new ProviderSubject(null, "Labour dispute", null),
                new ProviderSubject("mfg", "Manufacturing", "vws-topics")), item.subjects());
        assertEquals(List.of("Lise Marwood"), item.people());
        assertEquals(List.of("Vardenholm Glassworkers' Union", "Korrin Glass AG"), item.organisations());
        assertEquals(List.of("Vardenholm, Nordmark"), item.places());
        assertEquals(PubStatus.USABLE, item.pubStatus());
        assertNull(item.embargoedUntil());
    }

    @Test
    void readsACanceledDocumentAsWithdrawn() {
        WireItem item = reader.read(Samples.text("nitf-canceled.xml"));

        assertEquals(PubStatus.WITHDRAWN, item.pubStatus());
        assertEquals("VWS-2026-11-20-0399", item.sourceItemId());
        assertEquals(Instant.parse("2026-11-20T08:15:00Z"), item.publishedAt());
        assertNull(item.source());
        assertEquals(List.of(), item.people());
    }

    @Test
    void fallsBackToTheTitleAndToPubdata() {
        WireItem item = reader.read("""
                <nitf><head><title>Tram line delayed</title>
                <pubdata name="Harbour Gazette" date.publication="20261121T120000+0000"/></head>
                <body><body.content>Work on the tram line will run into March.</body.content></body></nitf>
                """);

        assertEquals("Tram line delayed", item.headline());
        assertEquals("Harbour Gazette", item.source());
        assertEquals(Instant.parse("2026-11-21T12:00:00Z"), item.publishedAt());
        assertEquals("Work on the tram line will run into March.", item.body());
    }

    @Test
    void namesTheFieldOfAnUnreadableDate() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> reader.read(
                "<nitf><head><docdata><date.issue norm=\"Friday\"/></docdata></head><body/></nitf>"));

        assertEquals("invalid-date", e.kind());
        assertTrue(e.getMessage().contains("date.issue"), e.getMessage());
    }

    @Test
    void refusesAnotherRootElement() {
        assertEquals("unexpected-root",
                assertThrows(WireFormatException.class, () -> reader.read("<newsItem guid=\"x\"/>")).kind());
    }
}
