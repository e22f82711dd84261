package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failure drill for the read side, with real processes and copy posted to ingest as a wire would: query-service is
 * killed with SIGKILL while articles stream in and restarted; then Elasticsearch is stopped for 30 s while more
 * articles, second versions and withdrawals arrive, and started again. Afterwards every accepted article must be
 * searchable exactly once at its latest version, and every withdrawn one gone.
 */
class IndexingOutageDrillTest {

    private static final int PER_ROUND = 60;
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration ELASTICSEARCH_DOWN = Duration.ofSeconds(30);
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(3);

    private static LocalPipeline stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalPipeline.create("wire-index-drill");
        stack.run(Duration.ofMinutes(12), "up");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close(); // fails if a process 'pipeline up' started outlives 'pipeline down'
        }
    }

    @Test
    void everyAcceptedArticleIsSearchableOnceAtItsLatestVersionAfterIndexerCrashAndElasticsearchOutage()
            throws Exception {
        DrillWire wire = new DrillWire(stack);
        wire.warmUp(Duration.ofSeconds(60));
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try {
            // Round 1 streams in; query-service is killed half-way through it and started again once it is over.
            Future<?> first = poster.submit(() -> wire.postRound("1", PER_ROUND, PACE));
            // Killed once the indexer is visibly at work on the stream, and before the stream is over.
            long streamStart = System.nanoTime();
            int searchableAtKill = wire.searchable();
            while (searchableAtKill < 4 && !first.isDone()
                    && System.nanoTime() - streamStart < PACE.multipliedBy(PER_ROUND).toNanos()) {
                Thread.sleep(100);
                searchableAtKill = wire.searchable();
            }
            boolean streaming = !first.isDone();
            stack.run(Duration.ofMinutes(1), "kill", "query");
            first.get();
            wire.postRound("2", PER_ROUND, PACE);
            stack.run(Duration.ofMinutes(3), "up", "query");
            System.out.printf("drill: %d of %d articles of the stream searchable when query-service was killed%n",
                    searchableAtKill - 1, PER_ROUND);
            assertTrue(streaming && searchableAtKill > 1,
                    "the kill must land while the indexer works through the stream (searchable " + searchableAtKill + ")");

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
    }
}
