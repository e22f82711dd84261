package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.wire.ingest.formats.WireItem.PubStatus;

class NewsMlG2ReaderTest {

    private final NewsMlG2Reader reader = new NewsMlG2Reader();

    @Test
    void readsAStandaloneNewsItem() {
        WireItem item = reader.read(Samples.text("newsitem.xml"));

        assertEquals("urn:newsml:fenwire.example:20261122:orchard-frost", item.sourceItemId());
        assertEquals(3, item.providerVersion());
        assertEquals("Fen Wire Agency", item.source());
        assertEquals("Late frost strips blossom from half of Applecross Vale orchards", item.headline());
        assertEquals("A late frost has stripped blossom from about half the apple trees in Applecross Vale, growers "
                + "said on Sunday.\n\n"
                + "Pieter Vos, who chairs the growers’ cooperative, said losses could reach £3 million & that some "
                + "farms would need help.\n\n"
                + "Early varieties hit hardest\n\n"
                + "Pears largely spared", item.body());
        assertEquals("en-GB", item.language());
        assertEquals(Instant.parse("2026-11-22T13:50:00Z"), item.publishedAt());
        assertEquals(Instant.parse("2026-11-22T14:05:00Z"), item.versionCreated());
        assertEquals("Noor Hallam", item.byline());
        // A concept the provider sent by code alone is kept: its code is what a desk files by.
        assertEquals(List.of(new ProviderSubject("20000256", "Agriculture", "medtop"),
                new ProviderSubject("20000001", null, "medtop")), item.subjects());
        assertEquals(List.of("Pieter Vos"), item.people());
        assertEquals(List.of("Vale Growers Cooperative"), item.organisations());
        assertEquals(List.of("Applecross Vale", "Northern Fens", "Old Mill Orchard"), item.places());
        assertEquals(PubStatus.USABLE, item.pubStatus());
        assertEquals(Instant.parse("2026-11-23T00:01:00Z"), item.embargoedUntil());
    }

    @Test
    void readsANewsItemInsideANewsMessage() {
        WireItem item = reader.read(Samples.text("newsmessage.xml"));

        assertEquals("urn:newsml:fenwire.example:20261122:bridge-toll", item.sourceItemId());
        assertEquals(1, item.providerVersion());
        assertEquals("Fen Wire", item.source());
        assertEquals("Causeway bridge toll to be scrapped in spring", item.headline());
        assertEquals("The toll on the Lowmarsh causeway bridge will end in April, the county transport board said."
                + "\n\nDrivers have paid the toll since the bridge opened in 1988.", item.body());
        assertEquals("en", item.language());
        assertEquals(Instant.parse("2026-11-22T14:30:00Z"), item.publishedAt());
        assertNull(item.byline());
        assertNull(item.embargoedUntil());
    }

    @Test
    void readsACanceledItemAsWithdrawn() {
        WireItem item = reader.read(Samples.text("newsmessage-canceled.xml"));

        assertEquals(PubStatus.WITHDRAWN, item.pubStatus());
        assertEquals(2, item.providerVersion());
        assertNull(item.headline());
        assertNull(item.body());
        assertEquals(Instant.parse("2026-11-22T15:55:00Z"), item.publishedAt());
    }

    @Test
    void readsNitfCarriedInline() {
        WireItem item = reader.read(Samples.text("newsitem-nitf.xml"));

        assertEquals("Ice rink returns to Lowmarsh market square", item.headline());
        assertEquals("The ice rink is back in the market square for a third winter.\n\nIt opens on 1 December.",
                item.body());
        assertEquals(PubStatus.USABLE, item.pubStatus());
    }

    @Test
    void readsEveryItemOfAMessageButRefusesToPickOne() {
        String message = """
                <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
                  <newsItem guid="a" version="1"><contentMeta><headline>One</headline></contentMeta></newsItem>
                  <packageItem guid="p"/>
                  <newsItem guid="b" version="1"><contentMeta><headline>Two</headline></contentMeta></newsItem>
                </itemSet></newsMessage>
                """;

        assertEquals(List.of("One", "Two"), reader.readAll(message).stream().map(WireItem::headline).toList());
        assertEquals("multiple-items", assertThrows(WireFormatException.class, () -> reader.read(message)).kind());
    }

    @Test
    void refusesAMessageWithoutNewsItems() {
        assertEquals("missing-field", assertThrows(WireFormatException.class, () -> reader.read(
                "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet><packageItem guid=\"p\"/>"
                        + "</itemSet></newsMessage>")).kind());
    }

    @Test
    void namesTheFieldOfAnUnreadableDate() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> reader.read(
                "<newsItem guid=\"x\"><itemMeta><versionCreated>22/11/2026</versionCreated></itemMeta></newsItem>"));

        assertEquals("invalid-date", e.kind());
        assertTrue(e.getMessage().contains("versionCreated"), e.getMessage());
    }
}
