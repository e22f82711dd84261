package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Failure drill for the read side, with real processes and copy posted to ingest as a wire would: query-service is
 * killed with SIGKILL while articles stream in and restarted; then Elasticsearch is stopped for 30 s while more
 * articles, second versions and withdrawals arrive, and started again. Afterwards every accepted article must be
 * searchable exactly once at its latest version, and every withdrawn one gone.
 * <p>
 * Through all of it a watch on the drill's copy posts its matches to a webhook receiver on 127.0.0.1 that holds its
 * answers back until the kill, so that a call is in flight and matches are pending when query-service dies. The receiver checks every call's signature and must in
 * the end have every match query-service lists for the watch, the latest version of every live article among them,
 * and nothing else: at least once, told apart by matchId, never lost.
 */
class IndexingOutageDrillTest {

    private static final int PER_ROUND = 60;
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration ELASTICSEARCH_DOWN = Duration.ofSeconds(30);
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(3);
    private static final Duration DELIVERED_WITHIN = Duration.ofMinutes(2);

    private static LocalPipeline stack;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startStack() throws Exception {
        // Loopback webhooks are allowed on this drill's stack only, for its own receiver.
        stack = LocalPipeline.create("wire-index-drill")
                .withServiceSetting("QUERY_WATCHES_WEBHOOKS_ALLOWED_INTERNAL_HOSTS", "127.0.0.1")
                .withRetryCeiling(Duration.ofSeconds(2))
                // A round sends a webhook at most 20 matches; the next, once no match is announced, waits for the
                // poll (1 s by default), so the backlog of the outage came in at 20 a second.
                .withServiceSetting("QUERY_WATCHES_WEBHOOKS_POLL", "200ms");
        receiver = WebhookReceiver.start();
        stack.run(Duration.ofMinutes(12), "up");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close(); // fails if a process 'pipeline up' started outlives 'pipeline down'
        }
    }

    @Test
    void everyAcceptedArticleIsSearchableOnceAtItsLatestVersionAfterIndexerCrashAndElasticsearchOutage()
            throws Exception {
        DrillWire wire = new DrillWire(stack);
        JsonNode watch = wire.watchWithWebhook(receiver.url());
        String watchId = watch.path("id").asText();
        receiver.trust(watch.path("webhook").path("secret").asText());
        receiver.holdAnswers();
        wire.warmUp(Duration.ofSeconds(60));
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try {
            // Round 1 streams in; query-service is killed half-way through it and started again once it is over.
            Future<?> first = poster.submit(() -> wire.postRound("1", PER_ROUND, PACE));
            // Killed once the indexer is visibly at work on the stream and a webhook call waits for its answer (the
            // warm-up's match at least), and before the stream is over.
            long streamStart = System.nanoTime();
            int searchableAtKill = wire.searchable();
            while ((searchableAtKill < 4 || receiver.inFlight() == 0) && !first.isDone()
                    && System.nanoTime() - streamStart < PACE.multipliedBy(PER_ROUND).toNanos()) {
                Thread.sleep(100);
                searchableAtKill = wire.searchable();
            }
            boolean streaming = !first.isDone();
            long pendingAtKill = pending(wire, watchId);
            int callsInFlight = receiver.inFlight();
            stack.run(Duration.ofMinutes(1), "kill", "query");
            receiver.answerAll();
            first.get();
            wire.postRound("2", PER_ROUND, PACE);
            stack.run(Duration.ofMinutes(3), "up", "query");
            System.out.printf("drill: %d of %d articles of the stream searchable when query-service was killed, %d "
                    + "matches pending delivery to the webhook, %d calls in flight%n", searchableAtKill - 1, PER_ROUND,
                    pendingAtKill, callsInFlight);
            assertTrue(streaming && searchableAtKill > 1,
                    "the kill must land while the indexer works through the stream (searchable " + searchableAtKill + ")");
            assertTrue(pendingAtKill > 0 && callsInFlight > 0, "the kill must land while matches wait for the "
                    + "webhook (pending " + pendingAtKill + ", calls in flight " + callsInFlight + ")");

            // Elasticsearch away for 30 s: intake and enrichment go on, the indexer must wait and catch up.
            long stopped = System.nanoTime();
            stack.run(Duration.ofMinutes(2), "down", "elasticsearch");
            wire.postRound("3", PER_ROUND, PACE);
            wire.reviseAndWithdraw();
            long left = ELASTICSEARCH_DOWN.toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis();
            Thread.sleep(Math.max(0, left));
            long restarting = System.nanoTime();
            stack.run(Duration.ofMinutes(3), "up", "elasticsearch");
            System.out.printf("drill: Elasticsearch stopped for %d s, then took %d s to start again%n",
                    Duration.ofNanos(restarting - stopped).toSeconds(),
                    Duration.ofNanos(System.nanoTime() - restarting).toSeconds());
        } finally {
            poster.shutdownNow();
        }

        Duration settled = wire.assertServedAsAccepted(SETTLED_WITHIN);
        System.out.printf("drill: %d articles accepted (%d live, %d withdrawn), all as expected %d s after Elasticsearch "
                + "was back%n", wire.accepted(), wire.live(), wire.accepted() - wire.live(), settled.toSeconds());
        assertEveryMatchDelivered(wire, watchId);
    }

    /** The watch's matches not yet acknowledged by its webhook, as query-service shows them; -1 while it does not answer. */
    private static long pending(DrillWire wire, String watchId) throws Exception {
        JsonNode watch = wire.watch(watchId);
        return watch == null ? -1 : watch.path("webhook").path("pending").asLong(-1);
    }

    /**
     * Waits up to DELIVERED_WITHIN until the receiver has every match query-service lists for the watch and the latest
     * version of every live article, and the list every match received (a match can reach the webhook before the
     * match index's refresh lists it), then asserts it has those and nothing else (each matchId counted once).
     */
    private static void assertEveryMatchDelivered(DrillWire wire, String watchId) throws Exception {
        long start = System.nanoTime();
        Set<String> live = wire.liveMatchIds(watchId);
        Set<String> listed = wire.listedMatchIds(watchId);
        Set<String> received = receiver.matchIds();
        while ((listed == null || !received.equals(listed) || !received.containsAll(live))
                && System.nanoTime() - start < DELIVERED_WITHIN.toNanos()) {
            Thread.sleep(500);
            listed = wire.listedMatchIds(watchId);
            received = receiver.matchIds();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int duplicates = receiver.duplicates();
        String tally = received.size() + " matchIds received of " + (listed == null ? "?" : listed.size())
                + " listed, and " + duplicates + " calls repeating a matchId (at least once is allowed)";
        assertEquals(0, receiver.refused(), "webhook calls refused for their signature; " + tally);
        assertTrue(listed != null, "query-service must list the watch's matches");
        Set<String> unannounced = missing(live, received);
        Set<String> unmatched = missing(live, listed);
        assertTrue(unannounced.isEmpty(), unannounced.size() + " of " + live.size() + " live articles' latest "
                + "matches never reached the receiver in " + took.toSeconds() + " s (" + unmatched.size()
                + " of them not even listed as matches), e.g. " + first(unannounced) + "; " + tally);
        Set<String> lost = missing(listed, received);
        assertTrue(lost.isEmpty(), lost.size() + " of " + listed.size() + " listed matches lost, e.g. " + first(lost)
                + "; " + tally);
        assertEquals(listed, received, "the receiver must get exactly the matches listed, each matchId once after "
                + "de-duplication; " + tally);
        System.out.printf("drill: webhook got all %d matches of the watch (%d live articles at their latest version), "
                + "%d calls again with a matchId seen before, all signed; delivered %d s after the articles settled%n",
                listed.size(), live.size(), duplicates, took.toSeconds());
    }

    private static Set<String> missing(Set<String> wanted, Set<String> got) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(got);
        return missing;
    }

    private static String first(Set<String> ids) {
        return ids.stream().limit(5).toList().toString();
    }
}
