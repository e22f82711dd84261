package news.wire.query.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The lag gauge reads the real backlog: records not yet read plus those read and held in a batch not yet written. */
class PartitionLagTest {

    private static final TopicPartition P0 = new TopicPartition("articles.enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("articles.enriched", 1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PartitionLag lag = new PartitionLag(registry, "query.indexer.lag", "test");

    private double gauge(TopicPartition partition) {
        return registry.get("query.indexer.lag").tag("partition", Integer.toString(partition.partition())).gauge().value();
    }

    @Test
    void heldRecordsCountOnTopOfTheUnreadOnes() {
        // The consumer has read everything (lag 0) but 1,200 records wait in the batch: the backlog is 1,200, not 0.
        long total = lag.observe(Map.of(P0, 0L, P1, 3L), Map.of(P0, 700, P1, 500));

        assertEquals(1_203, total);
        assertEquals(700, gauge(P0));
        assertEquals(503, gauge(P1));
    }

    @Test
    void readsTheUnreadAloneOnceTheBatchIsWritten() {
        lag.observe(Map.of(P0, 0L), Map.of(P0, 700));
        assertEquals(700, gauge(P0));

        assertEquals(0, lag.observe(Map.of(P0, 0L), Map.of()));
        assertEquals(0, gauge(P0));
    }

    @Test
    void unknownLagStaysUnknownWhateverIsHeld() {
        assertEquals(-1, lag.observe(Map.of(P0, -1L, P1, 2L), Map.of(P0, 10, P1, 1)));
        assertEquals(3, gauge(P1));
        assertNull(registry.find("query.indexer.lag").tag("partition", "0").gauge(), "no figure for an unknown lag");
    }

    @Test
    void aReleasedPartitionReadsZero() {
        lag.observe(Map.of(P0, 4L), Map.of(P0, 6));
        lag.released(List.of(P0));
        assertEquals(0, gauge(P0));
    }
}
