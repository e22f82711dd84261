package news.wire.query.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The watches are told of written batches beside the indexer: batches written while they were busy come together
 * unless they share an article, offsets come out only for batches told, and a failure sends the indexer back to the
 * first batch not finished.
 */
class IndexedBatchQueueTest {

    private static final TopicPartition P0 = new TopicPartition("articles.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("articles.enriched", 1);
    private final ObjectMapper json = new ObjectMapper();

    /** Records each call's article ids; the first call waits until released. */
    private static final class Listener implements IndexedBatchListener {
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile String failOn;

        @Override
        public void afterIndexing(List<ObjectNode> indexed, List<ObjectNode> held, List<String> withdrawn)
                throws Exception {
            List<String> ids = new ArrayList<>();
            indexed.forEach(a -> ids.add(a.path("id").asText()));
            ids.addAll(withdrawn.stream().map(id -> "-" + id).toList());
            firstCallStarted.countDown();
            release.await(10, TimeUnit.SECONDS);
            calls.add(ids);
            if (failOn != null && ids.contains(failOn)) {
                throw new IllegalStateException("Elasticsearch said no");
            }
        }
    }

    @Test
    void batchesWrittenMeanwhileAreToldTogetherUnlessTheyShareAnArticle() throws Exception {
        Listener listener = new Listener();
        try (IndexedBatchQueue queue = new IndexedBatchQueue(listener, 100, Long.MAX_VALUE)) {
            seal(queue, List.of("a"), List.of(), Map.of(P0, 0L), Map.of(P0, 1L));
            assertTrue(listener.firstCallStarted.await(10, TimeUnit.SECONDS));
            assertNull(queue.done(), "nothing committed while the first batch is being told");
            seal(queue, List.of("b"), List.of(), Map.of(P0, 1L), Map.of(P0, 2L));
            seal(queue, List.of("c"), List.of(), Map.of(P1, 0L), Map.of(P1, 1L));
            seal(queue, List.of(), List.of("b"), Map.of(P0, 2L), Map.of(P0, 3L));
            listener.release.countDown();
            assertTrue(queue.drain(Duration.ofSeconds(10)));

            assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("-b")), listener.calls,
                    "b and c together; b's withdrawal after b was told of");
            IndexedBatchQueue.Done done = queue.done();
            assertNotNull(done);
            assertNull(done.failure());
            assertEquals(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(1)), done.offsets());
            assertEquals(4, done.tallies().size());
            assertNull(queue.done(), "each batch's offsets come out once");
        }
    }

    @Test
    void aFailureSendsTheIndexerBackToTheFirstBatchNotFinished() throws Exception {
        Listener listener = new Listener();
        listener.failOn = "b";
        try (IndexedBatchQueue queue = new IndexedBatchQueue(listener, 100, Long.MAX_VALUE)) {
            seal(queue, List.of("a"), List.of(), Map.of(P0, 0L), Map.of(P0, 1L));
            assertTrue(listener.firstCallStarted.await(10, TimeUnit.SECONDS));
            seal(queue, List.of("b"), List.of(), Map.of(P0, 1L, P1, 5L), Map.of(P0, 2L, P1, 6L));
            listener.release.countDown();
            queue.drain(Duration.ofSeconds(10));
            seal(queue, List.of("d"), List.of(), Map.of(P1, 6L), Map.of(P1, 7L));

            IndexedBatchQueue.Done done = queue.done();
            assertNotNull(done);
            assertEquals(Map.of(P0, new OffsetAndMetadata(1)), done.offsets(), "a was finished: committed");
            assertNotNull(done.failure());
            assertEquals(Map.of(P0, 1L, P1, 5L), done.readAgainFrom(), "b and everything after it read again");
            assertNull(queue.done(), "the batches after the failure are forgotten, not told");
        }
    }

    @Test
    void aBatchThatFailedPartWayIsToldOnceWhenWrittenAgain() throws Exception {
        Listener listener = new Listener();
        listener.release.countDown();
        try (IndexedBatchQueue queue = new IndexedBatchQueue(listener, 100, Long.MAX_VALUE)) {
            // Its first chunk was written, its second failed: the whole batch is read and written again.
            queue.add(List.of(json.createObjectNode().put("id", "a")), List.of(), List.of());
            queue.forgetUnsealed();
            seal(queue, List.of("a", "b"), List.of(), Map.of(P0, 0L), Map.of(P0, 2L));
            assertTrue(queue.drain(Duration.ofSeconds(10)));
            assertEquals(List.of(List.of("a", "b")), listener.calls);
        }
    }

    @Test
    void theIndexerWaitsWhileABatchsWorthOfBytesWaits() throws Exception {
        Listener listener = new Listener();
        try (IndexedBatchQueue queue = new IndexedBatchQueue(listener, 100, 1_000)) {
            seal(queue, List.of("a"), Map.of(P0, 0L), Map.of(P0, 1L), 600);
            assertTrue(listener.firstCallStarted.await(10, TimeUnit.SECONDS));
            seal(queue, List.of("b"), Map.of(P0, 1L), Map.of(P0, 2L), 300);
            CountDownLatch sealed = new CountDownLatch(1);
            Thread indexer = new Thread(() -> {
                try {
                    seal(queue, List.of("c"), Map.of(P0, 2L), Map.of(P0, 3L), 600);
                    sealed.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            indexer.start();
            assertFalse(sealed.await(300, TimeUnit.MILLISECONDS),
                    "1,500 bytes would wait with c: the indexer holds it until the watches are done with a");
            listener.release.countDown();
            assertTrue(sealed.await(10, TimeUnit.SECONDS), "handed over once a was finished");
            assertTrue(queue.drain(Duration.ofSeconds(10)));
            assertEquals(List.of("a"), listener.calls.get(0));
            assertEquals(List.of("a", "b", "c"), listener.calls.stream().flatMap(List::stream).toList(),
                    "b and c told after a, together or not");
        }
    }

    @Test
    void aBatchLargerThanTheBoundsStillGoesAlone() throws Exception {
        Listener listener = new Listener();
        listener.release.countDown();
        try (IndexedBatchQueue queue = new IndexedBatchQueue(listener, 1, 1_000)) {
            seal(queue, List.of("a", "b"), Map.of(P0, 0L), Map.of(P0, 2L), 5_000);
            assertTrue(queue.drain(Duration.ofSeconds(10)));
            assertEquals(List.of(List.of("a", "b")), listener.calls);
        }
    }

    private void seal(IndexedBatchQueue queue, List<String> indexed, List<String> withdrawn,
                      Map<TopicPartition, Long> first, Map<TopicPartition, Long> next) throws InterruptedException {
        queue.add(indexed.stream().map(id -> json.createObjectNode().put("id", id)).toList(), List.of(), withdrawn);
        seal(queue, first, next, 0);
    }

    private void seal(IndexedBatchQueue queue, List<String> indexed, Map<TopicPartition, Long> first,
                      Map<TopicPartition, Long> next, long bytes) throws InterruptedException {
        queue.add(indexed.stream().map(id -> json.createObjectNode().put("id", id)).toList(), List.of(), List.of());
        seal(queue, first, next, bytes);
    }

    private static void seal(IndexedBatchQueue queue, Map<TopicPartition, Long> first,
                             Map<TopicPartition, Long> next, long bytes) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
        next.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        queue.seal(first, offsets, new IndexingMetrics.Tally(), bytes);
    }
}
