package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RssAtomReaderTest {

    private final RssAtomReader reader = new RssAtomReader();

    private List<WireItem> read(String document, String contentType) {
        return reader.read(document.getBytes(StandardCharsets.UTF_8), contentType);
    }

    @Test
    void readsRss2ItemsPreferringFullTextOverTheDescription() {
        List<WireItem> items = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Tarnwick Observer</title><link>http://tarnwick.example/</link><description>d</description>
                    <language>en-GB</language>
                    <item>
                      <guid isPermaLink="false">tw-1001</guid>
                      <title>Mill &amp;amp; weir restored</title>
                      <link>http://tarnwick.example/mill</link>
                      <description>Short summary.</description>
                      <content:encoded><![CDATA[<p>The old mill turns again.</p><p>Volunteers spent &pound;2,000.</p>]]></content:encoded>
                      <pubDate>Sat, 21 Nov 2026 07:30:00 +0000</pubDate>
                      <dc:creator>Wren Ashdown</dc:creator>
                      <category>Heritage</category><category>Heritage</category><category>Rivers</category>
                    </item>
                    <item>
                      <link>http://tarnwick.example/no-guid</link>
                      <description>Only a body.</description>
                    </item>
                  </channel>
                </rss>
                """, "application/rss+xml");

        assertEquals(2, items.size());
        WireItem mill = items.get(0);
        assertEquals("tw-1001", mill.sourceItemId());
        assertEquals("Mill & weir restored", mill.headline());
        assertEquals("The old mill turns again.\n\nVolunteers spent £2,000.", mill.body());
        assertEquals(Instant.parse("2026-11-21T07:30:00Z"), mill.publishedAt());
        assertEquals("Wren Ashdown", mill.byline());
        assertEquals(List.of(new ProviderSubject(null, "Heritage", null), new ProviderSubject(null, "Rivers", null)),
                mill.subjects());
        assertEquals("en-GB", mill.language());
        assertNull(mill.source(), "the feed's registration names the source");

        WireItem bare = items.get(1);
        assertEquals("http://tarnwick.example/no-guid", bare.sourceItemId());
        assertNull(bare.headline());
        assertEquals("Only a body.", bare.body());
    }

    @Test
    void readsAtomEntriesWithUpdatedAsTheVersionTime() {
        List<WireItem> items = read("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Cragside Post</title><id>urn:cragside</id><updated>2026-11-21T10:00:00Z</updated>
                  <entry>
                    <id>urn:cragside:77</id>
                    <title type="html">Snow &lt;em&gt;closes&lt;/em&gt; the pass</title>
                    <updated>2026-11-21T09:45:00Z</updated>
                    <author><name>Tobias Fell</name></author>
                    <author><name>Ines Garrow</name></author>
                    <content type="text">Ploughs are out.

                Drivers should wait.</content>
                  </entry>
                </feed>
                """, null);

        WireItem entry = items.get(0);
        assertEquals("urn:cragside:77", entry.sourceItemId());
        assertEquals("Snow closes the pass", entry.headline());
        assertEquals("Ploughs are out.\n\nDrivers should wait.", entry.body());
        assertEquals(Instant.parse("2026-11-21T09:45:00Z"), entry.publishedAt(), "no published: updated stands in");
        assertEquals(Instant.parse("2026-11-21T09:45:00Z"), entry.versionCreated());
        assertEquals("Tobias Fell; Ines Garrow", entry.byline());
    }

    @Test
    void keepsOverlongGuidsStableAsAHash() {
        String guid = "http://tarnwick.example/story?" + "utm=x&amp;".repeat(80);
        String feed = """
                <rss version="2.0"><channel><title>t</title><link>http://t.example/</link><description>d</description>
                <item><guid>%s</guid><title>A</title><description>B</description></item>
                </channel></rss>
                """.formatted(guid);
        String first = read(feed, "application/rss+xml").get(0).sourceItemId();
        assertTrue(first.startsWith("sha256:") && first.length() == 71, first);
        assertEquals(first, read(feed, "application/rss+xml").get(0).sourceItemId());
    }

    @Test
    void refusesAnyDoctype() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/hostname">]>
                <rss version="2.0"><channel><title>&leak;</title></channel></rss>
                """, "application/rss+xml"));
        assertEquals("dtd-refused", e.kind());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void refusesWhatIsNeitherRssNorAtom() {
        assertEquals("not-a-feed", assertThrows(WireFormatException.class,
                () -> read("<nitf><head/></nitf>", "application/xml")).kind());
        assertEquals("malformed-xml", assertThrows(WireFormatException.class,
                () -> read("<rss version=\"2.0\"><channel>", "application/xml")).kind());
    }
}
