package news.wire.query.indexing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tells the {@link IndexedBatchListener} of written batches on a thread of its own, so the indexer writes the next
 * batch meanwhile, and says which batches' offsets may be committed: those the listener has finished with, in order.
 * Batches written while the listener was busy are told to it together, as long as no article is in two of them (an
 * article written, then withdrawn, is told in that order), which costs the listener one pass where it would have
 * taken several (watch matching costs about the same per pass whatever the batch holds). The queue holds at most one
 * batch's worth of articles and bytes (a single larger batch alone): the indexer waits before handing over more, so
 * what is in memory while the watches fall behind, catching up a backlog, is about two batches (this one and the one
 * being written), not a backlog's worth. One queue per consumer session; the indexer thread calls everything but the
 * listener.
 */
final class IndexedBatchQueue implements AutoCloseable {

    /** One written batch: what Elasticsearch did with it, where it starts, its offsets and its tally. */
    private record Written(List<ObjectNode> indexed, List<ObjectNode> held, List<String> withdrawn,
                           Map<TopicPartition, Long> firstOffsets, Map<TopicPartition, OffsetAndMetadata> nextOffsets,
                           IndexingMetrics.Tally tally, long bytes) {

        int articles() {
            return indexed.size() + held.size() + withdrawn.size();
        }

        Set<String> articleIds() {
            Set<String> ids = new HashSet<>(withdrawn);
            indexed.forEach(a -> ids.add(a.path("id").asText()));
            held.forEach(a -> ids.add(a.path("id").asText()));
            return ids;
        }
    }

    /**
     * Batches the listener has finished with: the offsets to commit (the latest per partition) and their tallies; or,
     * when it failed, why, and where each partition's oldest unfinished batch starts (read again from there).
     */
    record Done(Map<TopicPartition, OffsetAndMetadata> offsets, List<IndexingMetrics.Tally> tallies,
                RetryableIndexingException failure, Map<TopicPartition, Long> readAgainFrom) {
    }

    private final IndexedBatchListener listener;
    private final int mostArticles;
    private final long mostBytes;
    private final Thread thread;
    private final List<ObjectNode> indexed = new ArrayList<>();
    private final List<ObjectNode> held = new ArrayList<>();
    private final List<String> withdrawn = new ArrayList<>();
    /** Sealed batches not yet finished by the listener, oldest first; the first {@code taken} are being told now. */
    private final Deque<Written> waiting = new ArrayDeque<>();
    private final List<Written> finished = new ArrayList<>();
    private int taken;
    private Exception failure;
    private boolean closed;

    /** A queue holding at most {@code mostArticles} articles and {@code mostBytes} of their JSON, or one batch. */
    IndexedBatchQueue(IndexedBatchListener listener, int mostArticles, long mostBytes) {
        this.listener = listener;
        this.mostArticles = mostArticles;
        this.mostBytes = mostBytes;
        this.thread = new Thread(this::tellUntilClosed, "indexed-batch-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Adds one bulk write's outcome to the batch being written. */
    void add(List<ObjectNode> indexedNow, List<ObjectNode> heldNow, List<String> withdrawnNow) {
        indexed.addAll(indexedNow);
        held.addAll(heldNow);
        withdrawn.addAll(withdrawnNow);
    }

    /** Forgets what was added since the last seal: the batch failed part-way and will be read and written again. */
    void forgetUnsealed() {
        indexed.clear();
        held.clear();
        withdrawn.clear();
    }

    /**
     * Hands the batch written since the last seal ({@code bytes} of record JSON) to the listener, with the offsets that
     * commit it once the listener is done; waits first while the batches waiting would hold more than the queue's
     * bounds with it, unless the listener has failed.
     */
    synchronized void seal(Map<TopicPartition, Long> firstOffsets, Map<TopicPartition, OffsetAndMetadata> nextOffsets,
                           IndexingMetrics.Tally tally, long bytes) throws InterruptedException {
        Written batch = new Written(List.copyOf(indexed), List.copyOf(held), List.copyOf(withdrawn),
                Map.copyOf(firstOffsets), Map.copyOf(nextOffsets), tally, bytes);
        indexed.clear();
        held.clear();
        withdrawn.clear();
        while (failure == null && !closed && !roomFor(batch)) {
            wait();
        }
        waiting.addLast(batch);
        notifyAll();
    }

    /**
     * The batches finished since the last call (null when none), or the listener's failure: then every batch not
     * finished is forgotten, and the {@link Done} says where to read them again.
     */
    synchronized Done done() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<IndexingMetrics.Tally> tallies = new ArrayList<>();
        for (Written batch : finished) {
            offsets.putAll(batch.nextOffsets());
            tallies.add(batch.tally());
        }
        finished.clear();
        if (failure != null) {
            RetryableIndexingException why = failure instanceof RetryableIndexingException r ? r
                    : new RetryableIndexingException("after indexing: " + failure);
            failure = null;
            return new Done(offsets, tallies, why, forgetWaiting());
        }
        return offsets.isEmpty() ? null : new Done(offsets, tallies, null, Map.of());
    }

    /** Where the oldest batch not finished starts, per partition, once every batch not finished is forgotten. */
    synchronized Map<TopicPartition, Long> forgetWaiting() {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (Written batch : waiting) {
            batch.firstOffsets().forEach(first::putIfAbsent);
        }
        waiting.clear();
        taken = 0;
        forgetUnsealed();
        notifyAll();
        return first;
    }

    /** Waits until every sealed batch is finished (or failed), at most this long; true when none is left. */
    synchronized boolean drain(Duration most) throws InterruptedException {
        long until = System.nanoTime() + most.toNanos();
        while (!waiting.isEmpty() && failure == null) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return waiting.isEmpty();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        thread.interrupt();
    }

    private boolean roomFor(Written batch) {
        int articles = batch.articles();
        long bytes = batch.bytes();
        for (Written w : waiting) {
            articles += w.articles();
            bytes += w.bytes();
        }
        return waiting.isEmpty() || (articles <= mostArticles && bytes <= mostBytes);
    }

    private void tellUntilClosed() {
        while (true) {
            List<Written> batches;
            synchronized (this) {
                while (!closed && (waiting.isEmpty() || failure != null)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                batches = takeTogether();
                taken = batches.size();
            }
            Exception failed = null;
            try {
                tell(batches);
            } catch (Exception e) {
                failed = e;
            }
            synchronized (this) {
                if (taken == batches.size() && waiting.size() >= taken) {
                    // Still ours: not forgotten by forgetWaiting meanwhile.
                    if (failed == null) {
                        for (int i = 0; i < taken; i++) {
                            finished.add(waiting.removeFirst());
                        }
                    } else {
                        failure = failed;
                    }
                }
                taken = 0;
                notifyAll();
            }
        }
    }

    /** The oldest waiting batches that share no article, in order. */
    private List<Written> takeTogether() {
        List<Written> together = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Written batch : waiting) {
            Set<String> ids = batch.articleIds();
            if (!together.isEmpty() && ids.stream().anyMatch(seen::contains)) {
                break;
            }
            together.add(batch);
            seen.addAll(ids);
        }
        return together;
    }

    private void tell(List<Written> batches) throws Exception {
        List<ObjectNode> allIndexed = new ArrayList<>();
        List<ObjectNode> allHeld = new ArrayList<>();
        Map<String, Boolean> allWithdrawn = new LinkedHashMap<>();
        for (Written batch : batches) {
            allIndexed.addAll(batch.indexed());
            allHeld.addAll(batch.held());
            batch.withdrawn().forEach(id -> allWithdrawn.put(id, true));
        }
        listener.afterIndexing(allIndexed, allHeld, List.copyOf(allWithdrawn.keySet()));
    }
}
