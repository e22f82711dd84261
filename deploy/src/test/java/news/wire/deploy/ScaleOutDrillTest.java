package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.testkit.SharedCopy;

/**
 * Scale-out drill: two instances of each service (ingest, enrich, query) against one Kafka, PostgreSQL and
 * Elasticsearch. Articles stream in through both ingest instances, the shared seed articles (five outlets on one
 * event, from ../shared/seeds when present) all at once among them; once the pipeline is visibly at work, instance 1
 * of every service is killed with SIGKILL and the stream, second versions and withdrawals go on through the
 * survivors. Every accepted article must then be served exactly once at its latest version, and the seeds must form
 * one story, although two indexers placed them.
 */
class ScaleOutDrillTest {

    private static final int POSTED_AFTER_KILL = 40;
    private static final int SECOND_ROUND = 30;
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(2);
    private static final Instant SEEDS_FROM = Instant.parse("2024-03-26T06:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPipeline stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalPipeline.createScaledOut("wire-scale-drill", 2);
        List<String> up = new ArrayList<>(List.of("up"));
        up.addAll(stack.instancesOption());
        stack.run(Duration.ofMinutes(12), up.toArray(String[]::new));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close(); // fails if a process 'pipeline up' started outlives 'pipeline down'
        }
    }

    @Test
    void everyArticleIsServedOnceAtItsLatestVersionAndEachSeedStoryIsWholeAfterOneInstanceOfEachServiceDies()
            throws Exception {
        long started = System.nanoTime();
        DrillWire wire = new DrillWire(stack);
        wire.ingestVia(1, 2);
        wire.warmUp(Duration.ofSeconds(60));
        ExecutorService poster = Executors.newSingleThreadExecutor();
        List<String> seeds = new ArrayList<>();
        try {
            // The stream runs until some articles after the kill: the kill always lands mid-stream.
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger afterKill = new AtomicInteger();
            Future<?> stream = poster.submit(() -> wire.postRoundUntil("1", PACE,
                    () -> killed.get() && afterKill.incrementAndGet() > POSTED_AFTER_KILL));
            // The seeds at once, through both ingest instances: they reach both indexers in the same moment.
            seeds.addAll(postSeeds(wire));
            // Killed once the pipeline is visibly at work on the stream (the warm-up article and three more).
            long streamStart = System.nanoTime();
            int searchableAtKill = wire.searchable();
            while (searchableAtKill < 4) {
                assertTrue(System.nanoTime() - streamStart < SETTLED_WITHIN.toNanos(),
                        "the stream never became searchable");
                Thread.sleep(100);
                searchableAtKill = wire.searchable();
            }
            // The stream goes on through ingest-2 alone; ingest-1 dies with whatever its outbox had not published.
            wire.ingestVia(2);
            wire.readVia(2);
            stack.run(Duration.ofMinutes(1), "kill", "ingest", "enrich", "query");
            killed.set(true);
            int postedAtKill = wire.accepted();
            stream.get();
            System.out.printf("drill: %d articles searchable of %d accepted when instance 1 of each service was "
                    + "killed%n", searchableAtKill, postedAtKill);
            wire.postRound("2", SECOND_ROUND, PACE);
            wire.reviseAndWithdraw();
        } finally {
            poster.shutdownNow();
        }

        Duration settled = wire.assertServedAsAccepted(SETTLED_WITHIN);
        System.out.printf("drill: %d articles accepted (%d live, %d withdrawn), all as expected %d s after the last "
                + "post%n", wire.accepted(), wire.live(), wire.accepted() - wire.live(), settled.toSeconds());
        if (!seeds.isEmpty()) {
            List<String> stories = new ArrayList<>();
            for (String id : seeds) {
                JsonNode served = wire.served(id);
                // Posted before the kill, like round 1: settled by now, but given the same time to show.
                for (long waited = System.nanoTime(); served == null
                        && System.nanoTime() - waited < SETTLED_WITHIN.toNanos(); served = wire.served(id)) {
                    Thread.sleep(1_000);
                }
                assertNotNull(served, "seed " + id + " served");
                stories.add(served.path("storyId").asText());
            }
            assertEquals(1, stories.stream().distinct().count(), "the seeds form one story: " + stories);
            JsonNode story = wire.story(stories.get(0));
            assertNotNull(story, "the seed story is served");
            assertEquals(seeds.size(), story.path("articleCount").asInt(), "the seed story holds every seed");
            System.out.printf("drill: the %d seeds are one story, %s, from %s%n", seeds.size(), stories.get(0),
                    story.path("sources"));
        }
        System.out.printf("drill: %d s from warm-up to the last check%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** The shared seed articles, each from an outlet of its own, hours apart; none when they are not there. */
    private static List<String> postSeeds(DrillWire wire) throws IOException, InterruptedException {
        Optional<Path> folder = SharedCopy.folder("seeds");
        if (folder.isEmpty()) {
            System.out.println("drill: no shared seeds beside the repository (../shared/seeds or WIRE_SHARED): the seed "
                    + "story is not checked");
            return List.of();
        }
        List<Path> files = SharedCopy.textFiles(folder.get());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String[] text = SharedCopy.headlineAndBody(files.get(i));
            ObjectNode article = JSON.createObjectNode()
                    .put("headline", text[0])
                    .put("body", text[1])
                    .put("source", "Seed Outlet " + (char) ('A' + i))
                    .put("sourceItemId", "seed-" + files.get(i).getFileName())
                    .put("publishedAt", SEEDS_FROM.plus(Duration.ofHours(5L * i)).toString());
            ids.add(wire.postOutsideLedger(article));
        }
        return ids;
    }
}
