package news.wire.query.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class IndexingBatchTest {

    private static ConsumerRecord<String, String> record(int partition, long offset, int chars) {
        return new ConsumerRecord<>("articles.enriched", partition, offset, "k" + offset, "x".repeat(chars));
    }

    @Test
    void countsTheRecordsItHoldsPerPartitionUntilCleared() {
        IndexingBatch batch = new IndexingBatch(100, 10_000, Duration.ofHours(1), Duration.ofHours(1));
        batch.add(record(0, 5, 10));
        batch.add(record(1, 9, 10));
        batch.add(record(0, 6, 10));

        assertEquals(Map.of(new TopicPartition("articles.enriched", 0), 2,
                new TopicPartition("articles.enriched", 1), 1), batch.heldPerPartition());
        batch.clear();
        assertTrue(batch.heldPerPartition().isEmpty());
    }

    @Test
    void dueWhenFullByCountOrBytes() {
        IndexingBatch byCount = new IndexingBatch(2, 1_000, Duration.ofHours(1), Duration.ofHours(1));
        byCount.add(record(0, 0, 10));
        assertFalse(byCount.due());
        byCount.add(record(0, 1, 10));
        assertTrue(byCount.due());

        IndexingBatch byBytes = new IndexingBatch(100, 50, Duration.ofHours(1), Duration.ofHours(1));
        byBytes.add(record(0, 0, 60));
        assertTrue(byBytes.due());
    }

    @Test
    void dueWhenTheOldestRecordWaitedLongEnough() throws InterruptedException {
        IndexingBatch batch = new IndexingBatch(100, 1_000, Duration.ofMillis(20), Duration.ofHours(1));
        assertFalse(batch.due());
        batch.add(record(0, 0, 10));
        Thread.sleep(30);
        assertTrue(batch.due());
        assertEquals(Duration.ZERO, batch.pollTimeout(Duration.ofMillis(500)));
    }

    @Test
    void aWaitingBatchPollsOnlyForTheQuietWaitAndIsDueWhenThatPollBringsNothing() {
        IndexingBatch batch = new IndexingBatch(100, 1_000, Duration.ofHours(1), Duration.ofMillis(25));
        assertEquals(Duration.ofMillis(500), batch.pollTimeout(Duration.ofMillis(500)), "nothing waits: poll idly");
        assertFalse(batch.due(true), "an empty batch is never due");
        batch.add(record(0, 1, 10));
        assertEquals(Duration.ofMillis(25), batch.pollTimeout(Duration.ofMillis(500)));
        assertFalse(batch.due(false), "more came in: keep filling");
        assertTrue(batch.due(true), "the topic went quiet: write what is in hand");
    }

    @Test
    void chunksStayWithinBoundsAndOffsetsCoverEveryPartition() {
        IndexingBatch batch = new IndexingBatch(3, 100, Duration.ofHours(1), Duration.ofHours(1));
        batch.add(record(0, 5, 40));
        batch.add(record(1, 9, 40));
        batch.add(record(0, 6, 40));
        batch.add(record(0, 7, 500));
        List<Integer> sizes = batch.chunks().stream().map(List::size).toList();
        assertEquals(List.of(2, 1, 1), sizes);
        assertEquals(8, batch.nextOffsets().get(new TopicPartition("articles.enriched", 0)).offset());
        assertEquals(10, batch.nextOffsets().get(new TopicPartition("articles.enriched", 1)).offset());
        assertEquals(5L, batch.firstOffsets().get(new TopicPartition("articles.enriched", 0)));
    }
}
