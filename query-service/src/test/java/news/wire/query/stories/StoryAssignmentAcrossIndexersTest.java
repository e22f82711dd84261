package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.query.entities.EntityResolver;
import news.wire.query.indexing.ArticleIndex;

/**
 * Two indexer instances (each its own story assigner, with its own memory of recent articles, and its own hold on the
 * assignment lease) given two reports of one event at the same moment must put them in one story, as one indexer
 * would; before the lease, each searched Elasticsearch before the other's write and each started a story.
 */
@QuarkusTest
class StoryAssignmentAcrossIndexersTest {

    private static final int ROUNDS = 5;

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ArticleIndex index;

    @Inject
    StoryCandidates candidates;

    @Inject
    EntityResolver resolver;

    @Inject
    StoryConfig config;

    /** Days of their own for this run's copy, so no earlier run's articles are candidates. */
    private final Instant runDay = Articles.dayOfItsOwn("2060-01-01T09:00:00Z");

    @Test
    void twoIndexersGivenOneEventAtTheSameMomentPutItInOneStory() throws Exception {
        index.ensureExists();
        Indexer first = new Indexer("indexer-1");
        Indexer second = new Indexer("indexer-2");
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // Rounds 4 days apart: outside each other's 3-day window.
                Instant at = runDay.plus(Duration.ofDays(4L * round));
                ObjectNode harbourPost = Articles.article("Harbour Post", "Valmora dockers strike over pay",
                        "Dock workers in Valmora walked out on Thursday over pay, union leader Marta Ilves said. The "
                        + "Valmora Port Authority said cranes stood idle and ships queued outside the harbour as the "
                        + "strike began.", at)
                        .entity("LOCATION", "Valmora", 0.9).entity("PERSON", "Marta Ilves", 0.7)
                        .entity("ORGANIZATION", "Valmora Port Authority", 0.5).json();
                ObjectNode coastWire = Articles.article("Coast Wire", "Cranes idle as Valmora dock strike begins",
                        "Cranes stood idle in Valmora on Thursday as dock workers began a strike over pay. Marta Ilves, "
                        + "who leads the dockers' union, said the strike would last until the Valmora Port Authority "
                        + "raised its offer; ships queued outside the harbour.", at.plusSeconds(60))
                        .entity("LOCATION", "Valmora", 0.9).entity("PERSON", "Marta Ilves", 0.6)
                        .entity("ORGANIZATION", "Valmora Port Authority", 0.6).json();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> one = both.submit(() -> {
                    together.await();
                    return first.place(harbourPost);
                });
                Future<String> other = both.submit(() -> {
                    together.await();
                    return second.place(coastWire);
                });
                String story = one.get(1, TimeUnit.MINUTES);
                assertEquals(story, other.get(1, TimeUnit.MINUTES), "round " + round + ": one event, one story");
                assertTrue(Set.of(harbourPost.get("id").asText(), coastWire.get("id").asText()).contains(story),
                        "round " + round + ": the story is the first placed article's, not an earlier run's");
            }
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void aLeaseWhoseHolderDiedIsTakenOverOnceItRunsOut() throws Exception {
        Duration term = Duration.ofSeconds(1);
        AssignmentLease dead = new AssignmentLease(elasticsearch, term, "killed-" + UUID.randomUUID(),
                Clock.systemUTC());
        AssignmentLease survivor = new AssignmentLease(elasticsearch, term, "alive-" + UUID.randomUUID(),
                Clock.systemUTC());
        // From before the dead holder takes it: its term starts no earlier than that.
        long taken = System.nanoTime();
        dead.acquire(Duration.ofSeconds(30));
        survivor.acquire(Duration.ofSeconds(30));
        Duration waited = Duration.ofNanos(System.nanoTime() - taken);
        assertTrue(waited.toMillis() >= 1_000, "taken over after " + waited.toMillis() + " ms, before the lease ran out");
        survivor.release();
        // The dead holder's give-back (were it to come back) leaves the lease alone, and it can be taken at once.
        dead.release();
        long again = System.nanoTime();
        survivor.acquire(Duration.ofSeconds(30));
        survivor.release();
        assertTrue(Duration.ofNanos(System.nanoTime() - again).toMillis() < 900, "a free lease is taken at once");
    }

    /** One indexer instance's story assignment and bulk write of a one-article batch, as ArticleIndexer does it. */
    private final class Indexer {

        private final StoryAssigner assigner;

        Indexer(String name) {
            assigner = new StoryAssigner(candidates, resolver, config, new AssignmentLease(elasticsearch,
                    config.assignmentLease(), name + "-" + UUID.randomUUID(), Clock.systemUTC()));
        }

        String place(ObjectNode article) throws Exception {
            List<ObjectNode> placed = assigner.beforeIndexing(List.of(article));
            try {
                elasticsearch.index(i -> i.index(ArticleIndex.INDEX).id(article.get("id").asText()).version(1L)
                        .versionType(VersionType.External).document(placed.get(0)));
            } finally {
                assigner.batchWritten();
            }
            return placed.get(0).get("storyId").asText();
        }
    }
}
