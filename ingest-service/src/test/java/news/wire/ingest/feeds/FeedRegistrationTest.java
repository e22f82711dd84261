package news.wire.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedRegistrationTest {

    private static final Duration MIN = Duration.ofSeconds(5);
    private static final Duration DEFAULT = Duration.ofSeconds(60);

    private static FeedRegistration.Checked check(String url, String source, String format, String interval) {
        return new FeedRegistration(url, source, format, interval).check(MIN, DEFAULT);
    }

    private static List<String> invalidFields(String url, String source, String format, String interval) {
        InvalidFeedException e = assertThrows(InvalidFeedException.class, () -> check(url, source, format, interval));
        return e.violations().stream().map(InvalidFeedException.Violation::field).toList();
    }

    @Test
    void readsIntervalsAsIsoDurationsOrSeconds() {
        assertEquals(Duration.ofMinutes(1), check("http://a.example/f", "A", null, "PT1M").pollInterval());
        assertEquals(Duration.ofMinutes(2), check("http://a.example/f", "A", null, "pt2m").pollInterval());
        assertEquals(Duration.ofSeconds(90), check("http://a.example/f", "A", null, "90").pollInterval());
        assertEquals(Duration.ofMillis(7_500), check("http://a.example/f", "A", null, "7.5").pollInterval());
        assertEquals(DEFAULT, check("http://a.example/f", "A", null, null).pollInterval());
        assertEquals(List.of("pollInterval"), invalidFields("http://a.example/f", "A", null, "4"));
        assertEquals(List.of("pollInterval"), invalidFields("http://a.example/f", "A", null, "-PT1M"));
        assertEquals(List.of("pollInterval"), invalidFields("http://a.example/f", "A", null, "P2D"));
        assertEquals(List.of("pollInterval"), invalidFields("http://a.example/f", "A", null, "1e3"));
    }

    @Test
    void formatsByTheirLabelsAndAutoWhenLeftOut() {
        assertEquals(FeedFormat.RSS, check("http://a.example/f", "A", "rss", null).format());
        assertEquals(FeedFormat.NINJS, check("http://a.example/f", "A", "NINJS", null).format());
        assertEquals(FeedFormat.AUTO, check("http://a.example/f", "A", null, null).format());
        assertEquals(List.of("format"), invalidFields("http://a.example/f", "A", "json-feed", null));
    }

    @Test
    void acceptsOnlyHttpAndHttpsUrlsWithAHost() {
        assertEquals("https://a.example/f.xml", check(" https://a.example/f.xml ", "A", null, null).url());
        assertEquals("HTTP://a.example/f", check("HTTP://a.example/f", "A", null, null).url());
        assertEquals(List.of("url"), invalidFields("file:///etc/hosts", "A", null, null));
        assertEquals(List.of("url"), invalidFields("jar:http://a.example/x.jar!/f", "A", null, null));
        assertEquals(List.of("url"), invalidFields("//a.example/f", "A", null, null));
        assertEquals(List.of("url"), invalidFields("http:/f", "A", null, null));
        assertEquals(List.of("url"), invalidFields(null, "A", null, null));
    }

    @Test
    void reportsEveryInvalidField() {
        assertEquals(List.of("url", "source", "format", "pollInterval"), invalidFields("ftp://a.example", " ", "x", "1"));
    }
}
