package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import news.wire.ingest.formats.WireItem.PubStatus;

class PlainTextReaderTest {

    private final PlainTextReader reader = new PlainTextReader();

    @Test
    void firstLineIsTheHeadlineAndTheRestTheBody() {
        WireItem item = reader.read("\r\n\r\n  Gale warning for the northern coast  \r\n\r\n"
                + "Forecasters issued a gale warning on Tuesday for the\r\nnorthern coast.\r\n\r\n\r\n"
                + "Ferries between the islands\r\n   are cancelled until Thursday.\r\n");

        assertEquals("Gale warning for the northern coast", item.headline());
        assertEquals("Forecasters issued a gale warning on Tuesday for the northern coast.\n\n"
                + "Ferries between the islands are cancelled until Thursday.", item.body());
        assertNull(item.source());
        assertNull(item.publishedAt());
        assertNull(item.language());
        assertEquals(List.of(), item.people());
        assertEquals(PubStatus.USABLE, item.pubStatus());
    }

    @Test
    void stripsTeletypeControlCharacters() {
        WireItem item = reader.read("\u0001Harvest starts early\n\n\u0002Picking began on Monday.\u0003");

        assertEquals("Harvest starts early", item.headline());
        assertEquals("Picking began on Monday.", item.body());
    }

    @Test
    void aHeadlineAloneHasNoBody() {
        WireItem item = reader.read("Only a headline\n\n");

        assertEquals("Only a headline", item.headline());
        assertNull(item.body());
    }

    @Test
    void blankTextHasNeither() {
        WireItem item = reader.read(" \n\t\n");

        assertNull(item.headline());
        assertNull(item.body());
    }
}
