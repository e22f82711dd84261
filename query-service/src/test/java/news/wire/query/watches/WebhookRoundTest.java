package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * What one webhook round sends: the matches read from the log and those the matcher handed over (which the log may
 * not show yet), together, in seq order, each once, none at or below the webhook's delivered seq.
 */
class WebhookRoundTest {

    @Test
    void sendsWhatTheLogShowsThenWhatWasHandedOverAndNotShownYet() {
        List<WatchMatch> read = matches(11, 12);
        NavigableMap<Long, WatchMatch> kept = kept(9, 10, 11, 12, 13, 14);
        assertEquals(List.of(11L, 12L, 13L, 14L), seqs(WebhookDeliverer.next(read, kept, 10)),
                "9 and 10 were delivered; 11 and 12 come once though read and kept");
    }

    @Test
    void sendsHandedOverMatchesTheLogDoesNotShowAtAll() {
        assertEquals(List.of(6L, 7L), seqs(WebhookDeliverer.next(List.of(), kept(5, 6, 7), 5)));
        assertEquals(List.of(3L), seqs(WebhookDeliverer.next(matches(3), null, 2)), "nothing handed over");
    }

    @Test
    void afterAFullPageFromTheLogSendsNoHandedOverMatchBeyondIt() {
        List<WatchMatch> page = matches(LongStream.rangeClosed(1, WebhookDeliverer.PER_ROUND).toArray());
        // The log holds matches after the page that this round did not read; a later kept one must wait for them.
        NavigableMap<Long, WatchMatch> kept = kept(WebhookDeliverer.PER_ROUND + 5L);
        assertEquals(seqs(page), seqs(WebhookDeliverer.next(page, kept, 0)));
    }

    @Test
    void sendsAtMostARoundsWorth() {
        long[] many = LongStream.rangeClosed(1, 3L * WebhookDeliverer.PER_ROUND).toArray();
        List<WatchMatch> sent = WebhookDeliverer.next(matches(1, 2), kept(many), 0);
        assertEquals(LongStream.rangeClosed(1, WebhookDeliverer.PER_ROUND).boxed().toList(), seqs(sent));
    }

    private static List<WatchMatch> matches(long... seqs) {
        return LongStream.of(seqs).mapToObj(WebhookRoundTest::match).toList();
    }

    private static NavigableMap<Long, WatchMatch> kept(long... seqs) {
        NavigableMap<Long, WatchMatch> kept = new TreeMap<>();
        LongStream.of(seqs).forEach(seq -> kept.put(seq, match(seq)));
        return kept;
    }

    private static WatchMatch match(long seq) {
        return new WatchMatch("w:a" + seq + ":1", "w", "a" + seq, 1, WatchMatch.MATCHED, seq, Instant.EPOCH, "wire",
                "headline " + seq, null, null);
    }

    private static List<Long> seqs(List<WatchMatch> matches) {
        return matches.stream().map(WatchMatch::seq).toList();
    }
}
