package news.wire.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlPageReaderTest {

    private final HtmlPageReader reader = new HtmlPageReader();

    @Test
    void readsTheStoryInsideArticleAndLeavesTheSiteAround() {
        WireItem item = reader.read("""
                <html><head><title>Gazette</title></head><body>
                <header><h1>The Harbour Gazette</h1><nav><a href="/">Home</a></nav></header>
                <article><h1>Lighthouse keeper&#8217;s cottage sold</h1>
                  <p>The cottage at Gull Point sold for &pound;285,000 at auction.</p>
                  <aside>Related: Pier repairs</aside>
                  <p>Bidding lasted &lt;&nbsp;ten minutes.</p></article>
                <div class="promo">Subscribe now</div></body></html>
                """);

        assertEquals("Lighthouse keeper’s cottage sold", item.headline());
        assertEquals("The cottage at Gull Point sold for £285,000 at auction.\n\nBidding lasted < ten minutes.",
                item.body());
        assertNull(item.language());
        assertNull(item.publishedAt());
    }
}
