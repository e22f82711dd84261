package news.wire.query.indexing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records read but not yet written to Elasticsearch. A batch is due when it holds enough articles or bytes, when
 * its oldest record has waited long enough, or when the topic has gone quiet (nothing new for a short while, so
 * waiting longer would only delay what is in hand); its offsets are committed only once it has been written.
 */
final class IndexingBatch {

    private final int maxRecords;
    private final long maxBytes;
    private final long maxWaitNanos;
    private final long quietNanos;

    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private long bytes;
    private long firstAddedAt;

    IndexingBatch(int maxRecords, long maxBytes, Duration maxWait, Duration quietWait) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.maxWaitNanos = maxWait.toNanos();
        this.quietNanos = quietWait.toNanos();
    }

    void add(ConsumerRecord<String, String> record) {
        if (records.isEmpty()) {
            firstAddedAt = System.nanoTime();
        }
        records.add(record);
        bytes += size(record);
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    boolean due() {
        return !records.isEmpty() && (records.size() >= maxRecords || bytes >= maxBytes
                || System.nanoTime() - firstAddedAt >= maxWaitNanos);
    }

    /**
     * Whether to write now, given what the last poll (which blocked for at most {@link #pollTimeout}) brought:
     * a poll that came back empty while records wait means the topic was quiet for the quiet wait.
     */
    boolean due(boolean lastPollEmpty) {
        return due() || (lastPollEmpty && !records.isEmpty());
    }

    /** How long the next poll may block: the quiet wait while records wait, never past the batch's deadline. */
    Duration pollTimeout(Duration idle) {
        if (records.isEmpty()) {
            return idle;
        }
        long left = maxWaitNanos - (System.nanoTime() - firstAddedAt);
        return Duration.ofNanos(Math.max(0, Math.min(left, Math.min(quietNanos, idle.toNanos()))));
    }

    /** The records cut into bulk requests within the article and byte bounds (an oversized article goes alone). */
    List<List<ConsumerRecord<String, String>>> chunks() {
        List<List<ConsumerRecord<String, String>>> chunks = new ArrayList<>();
        List<ConsumerRecord<String, String>> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (ConsumerRecord<String, String> record : records) {
            long size = size(record);
            if (!chunk.isEmpty() && (chunk.size() >= maxRecords || chunkBytes + size > maxBytes)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(record);
            chunkBytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The offsets to commit once every record is written: one past the last record of each partition. */
    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        return offsets;
    }

    /** The first offset of each partition in the batch: where to read again after a failed write. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            offsets.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        return offsets;
    }

    /** How many records of each partition the batch holds: read, but neither written nor committed yet. */
    Map<TopicPartition, Integer> heldPerPartition() {
        Map<TopicPartition, Integer> held = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            held.merge(new TopicPartition(record.topic(), record.partition()), 1, Integer::sum);
        }
        return held;
    }

    /** Bytes of record JSON the batch holds. */
    long bytes() {
        return bytes;
    }

    void clear() {
        records.clear();
        bytes = 0;
    }

    private static long size(ConsumerRecord<String, String> record) {
        return record.value() == null ? 64 : record.value().length();
    }
}
