package news.wire.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Which redirects the poller follows, and where to; the target's address is checked like any feed's. */
class FeedRedirectTest {

    private static final URI FROM = URI.create("https://wire.example/feeds/rss.xml?edition=uk");

    @Test
    void followsEachRedirectStatusToAnAbsoluteOrRelativeLocation() {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            assertEquals(URI.create("https://mirror.example/rss.xml"),
                    FeedRedirect.target(FROM, status, "https://mirror.example/rss.xml"));
        }
        assertEquals(URI.create("https://wire.example/feeds/atom.xml"), FeedRedirect.target(FROM, 301, "atom.xml"));
        assertEquals(URI.create("https://wire.example/v2/rss"), FeedRedirect.target(FROM, 302, "/v2/rss"));
        assertEquals(URI.create("https://cdn.example/rss"), FeedRedirect.target(FROM, 302, "//cdn.example/rss"));
    }

    @Test
    void anythingElseIsTheResponseItself() {
        assertNull(FeedRedirect.target(FROM, 200, "https://elsewhere.example/"));
        assertNull(FeedRedirect.target(FROM, 304, null));
        assertNull(FeedRedirect.target(FROM, 300, "https://elsewhere.example/"));
    }

    @Test
    void refusesRedirectsThatCannotBeFollowedSafely() {
        assertTrue(refusal(301, null).contains("without a Location"));
        assertTrue(refusal(301, "http://wire.example/rss.xml").contains("never downgraded"));
        assertTrue(refusal(302, "file:///etc/passwd").contains("only http and https"));
        assertTrue(refusal(302, "gopher://127.0.0.1:6379/_INFO").contains("only http and https"));
        assertTrue(refusal(302, "http://[::1").contains("invalid URL"));
        assertTrue(refusal(302, "https:///nohost").contains("no host"));
        // A Location is quoted in the feed's lastError: never with a forged line in it.
        assertTrue(!refusal(302, "gopher://x/\r\nINFO forged").contains("\n"));
        assertTrue(!refusal(302, "gopher://x/\u0000nul").contains("\u0000"));
    }

    private static String refusal(int status, String location) {
        return assertThrows(FeedFetchException.class, () -> FeedRedirect.target(FROM, status, location)).getMessage();
    }
}
