package news.wire.query.indexing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import news.wire.query.config.QueryConfig;
import news.wire.query.kafka.EnrichedTopic;
import news.wire.query.kafka.IndexingTracing;
import news.wire.query.kafka.KafkaClients;

/**
 * Reads articles.enriched and bulk-writes Elasticsearch, committing Kafka offsets only after Elasticsearch
 * accepted the batch. Batches are bounded by articles, bytes and waiting time (query.indexer.batch-*). The article
 * version is the document's external version, so a replayed or reordered older version never replaces a newer
 * one; tombstones delete. Each batch passes through the {@link ArticleBatchListener} (story assignment) first, and
 * once Elasticsearch has taken it, through the {@link IndexedBatchListener} (watches) before its offsets are committed.
 * That listener runs beside the indexer ({@link IndexedBatchQueue}): the next batch is written while it works, and
 * offsets are committed as it finishes batches.
 */
@ApplicationScoped
public class ArticleIndexer implements Runnable {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    /** Longest wait for the watches to finish the batches already written when partitions go or the indexer stops. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** How soon a missing topic is looked for again: it appears once the deployment's topic step has run. */
    private static final Duration MISSING_TOPIC_WAIT = Duration.ofSeconds(2);

    private final ElasticsearchClient elasticsearch;
    private final ArticleIndex index;
    private final ObjectMapper json;
    private final QueryConfig.Indexer config;
    private final KafkaClients clients;
    private final EnrichedTopic topic;
    private final ArticleBatchListener listener;
    private final IndexedBatchListener indexedListener;
    private final IndexWrites writes;
    private final IndexingMetrics metrics;
    private final IndexingTracing tracing;

    private volatile boolean running;
    private volatile Consumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean joined;
    private volatile long lag = -1;
    /** The current consumer session's hand-over to the IndexedBatchListener; the indexer thread's alone. */
    private IndexedBatchQueue written;

    public ArticleIndexer(ElasticsearchClient elasticsearch, ArticleIndex index, ObjectMapper json, QueryConfig config,
                          KafkaClients clients, EnrichedTopic topic, ArticleBatchListener listener,
                          IndexedBatchListener indexedListener, IndexWrites writes, IndexingMetrics metrics,
                          IndexingTracing tracing) {
        this.indexedListener = indexedListener;
        this.elasticsearch = elasticsearch;
        this.tracing = tracing;
        this.index = index;
        this.json = json;
        this.config = config.indexer();
        this.clients = clients;
        this.topic = topic;
        this.listener = listener;
        this.writes = writes;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this, "article-indexer");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    /** True while the indexing thread is alive. */
    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** True once the consumer has joined its group and been given its partitions (possibly none). */
    public boolean joined() {
        return joined;
    }

    /**
     * Records of the topic not yet written to Elasticsearch, summed over the partitions: unread by the consumer plus
     * held in the batch in hand; -1 while it does not know.
     */
    public long lag() {
        return lag;
    }

    /** The consumer group, one per index version: a new index is filled from the topic's beginning. */
    public String groupId() {
        return config.groupId() + "-" + ArticleIndex.INDEX;
    }

    @Override
    public void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                index.ensureExists();
                topic.check();
                consumeUntilStopped();
            } catch (WakeupException e) {
                // Shutdown asked for it.
            } catch (EnrichedTopic.MissingTopic e) {
                // EnrichedTopic has said what is missing, once; readiness stays down meanwhile.
                sleep(MISSING_TOPIC_WAIT);
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Indexer restarting in %d ms after: %s", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = Backoff.next(backoff, config.maxBackoff());
            }
        }
    }

    private void consumeUntilStopped() {
        IndexingBatch batch = new IndexingBatch(config.batchSize(), config.batchMaxBytes().asLongValue(),
                config.batchMaxWait(), config.batchQuietWait());
        try (Consumer<String, String> c = clients.indexerConsumer(groupId(), config.batchSize(),
                config.batchMaxBytes().asLongValue());
             IndexedBatchQueue queue = new IndexedBatchQueue(indexedListener, config.batchSize(),
                     config.batchMaxBytes().asLongValue())) {
            consumer = c;
            written = queue;
            c.subscribe(List.of(config.topic()), rebalanceListener(c, batch));
            Duration backoff = FIRST_BACKOFF;
            try {
                while (running) {
                    ConsumerRecords<String, String> polled = c.poll(batch.pollTimeout(IDLE_POLL));
                    polled.forEach(batch::add);
                    // What waits in the batch counts too: it is not searchable until written, however long that takes.
                    lag = metrics.lag().observe(c, batch.heldPerPartition());
                    try {
                        commitFinished(c, batch);
                        if (!batch.due(polled.isEmpty())) {
                            continue;
                        }
                        flush(batch);
                        backoff = FIRST_BACKOFF;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (IOException | ElasticsearchException | RetryableIndexingException e) {
                        if (!(e instanceof RetryableIndexingException)) {
                            metrics.bulkFailed(IndexingMetrics.BulkFailure.UNAVAILABLE);
                        }
                        // Nothing committed: read the same records again once Elasticsearch is back.
                        LOG.warnf("Elasticsearch unavailable (%s); retrying batch in %d ms", e.getMessage(),
                                backoff.toMillis());
                        batch.firstOffsets().forEach(c::seek);
                        batch.clear();
                        // Chunks written before the failure come back with the batch; told once, then.
                        queue.forgetUnsealed();
                        sleep(backoff);
                        backoff = Backoff.next(backoff, config.maxBackoff());
                    }
                }
            } finally {
                // Stopping: what the watches finish in time is committed, the rest is read again at the next start.
                commitWhatFinishes(c, batch);
            }
        } finally {
            written = null;
            consumer = null;
            joined = false;
        }
    }

    /** Writes the batch and hands it to the watches; its offsets are committed once they are done with it. */
    private void flush(IndexingBatch batch) throws IOException, InterruptedException {
        IndexingMetrics.Tally tally = new IndexingMetrics.Tally();
        for (List<ConsumerRecord<String, String>> chunk : batch.chunks()) {
            try (IndexingTracing.BulkSpans spans = tracing.start(chunk)) {
                write(chunk, tally, spans);
            }
        }
        written.seal(batch.firstOffsets(), batch.nextOffsets(), tally, batch.bytes());
        batch.clear();
    }

    /**
     * Commits the batches the watches have finished with; when they failed on one, reads it and everything after it
     * again (the batch in hand too) and throws, so the indexer backs off first.
     */
    private void commitFinished(Consumer<String, String> c, IndexingBatch batch) {
        IndexedBatchQueue.Done done = written.done();
        if (done == null) {
            return;
        }
        if (!done.offsets().isEmpty()) {
            c.commitSync(done.offsets());
            done.tallies().forEach(metrics::committed);
        }
        if (done.failure() != null) {
            Map<TopicPartition, Long> from = new HashMap<>(done.readAgainFrom());
            batch.firstOffsets().forEach(from::putIfAbsent);
            from.forEach(c::seek);
            batch.clear();
            throw done.failure();
        }
    }

    /** Waits a while for the watches to finish the batches written, and commits what they finished. */
    private void commitWhatFinishes(Consumer<String, String> c, IndexingBatch batch) {
        try {
            written.drain(DRAIN);
            commitFinished(c, batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Batches left to be read again: %s", e.toString());
        }
    }

    private ConsumerRebalanceListener rebalanceListener(Consumer<String, String> c, IndexingBatch batch) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                metrics.lag().released(partitions);
                // Finish the batch while its offsets can still be committed; if that fails, the partitions' next
                // owner reads the records again from the last commit.
                try {
                    if (!batch.isEmpty()) {
                        flush(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    batch.clear();
                    return;
                } catch (Exception e) {
                    LOG.warnf("Batch left to the next owner of its partitions: %s", e.toString());
                    batch.clear();
                }
                commitWhatFinishes(c, batch);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                joined = true;
            }
        };
    }

    private void write(List<ConsumerRecord<String, String>> records, IndexingMetrics.Tally tally,
                       IndexingTracing.BulkSpans spans) throws IOException {
        List<Pending> pending = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            toPending(record).ifPresentOrElse(pending::add, () -> {
                tally.add(IndexingMetrics.Outcome.REJECTED);
                spans.skipped(record);
            });
        }
        BulkResponse response;
        Instant acknowledged;
        boolean assigned = assignStories(pending);
        try {
            List<BulkOperation> operations = pending.stream().map(Pending::operation).toList();
            if (operations.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            response = elasticsearch.bulk(b -> b.index(ArticleIndex.INDEX).operations(operations));
            acknowledged = Instant.now();
            metrics.bulk().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } finally {
            if (assigned) {
                batchWritten();
            }
        }
        writes.wrote();
        List<BulkResponseItem> items = response.items();
        for (BulkResponseItem item : items) {
            if (item.error() != null && (item.status() == 429 || item.status() >= 500)) {
                // The spans still open end as not written when the batch is read again.
                metrics.bulkFailed(IndexingMetrics.BulkFailure.RETRYABLE_ITEMS);
                throw new RetryableIndexingException(item.id() + ": " + item.error().reason());
            }
        }
        List<IndexingTracing.Answer> answers = new ArrayList<>(items.size());
        List<ObjectNode> indexed = new ArrayList<>();
        List<ObjectNode> held = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        boolean rejected = false;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            Pending written = pending.get(i);
            IndexingMetrics.Outcome outcome = outcomeOf(item, written);
            answers.add(answer(outcome, item, written));
            if (written.article() == null) {
                if (outcome == IndexingMetrics.Outcome.DELETED || outcome == IndexingMetrics.Outcome.STALE) {
                    withdrawn.add(written.id());
                }
            } else if (outcome == IndexingMetrics.Outcome.INDEXED) {
                indexed.add(written.article());
            } else if (outcome == IndexingMetrics.Outcome.STALE) {
                held.add(written.article());
            }
            if (outcome == IndexingMetrics.Outcome.INDEXED) {
                tally.indexed(written.article(), acknowledged);
            } else {
                tally.add(outcome);
            }
            if (outcome == IndexingMetrics.Outcome.REJECTED) {
                rejected = true;
                LOG.errorf("Article %s rejected by Elasticsearch (%d): %s", item.id(), item.status(), item.error().reason());
            }
        }
        written.add(indexed, held, withdrawn);
        spans.acknowledged(answers);
        if (rejected) {
            metrics.bulkFailed(IndexingMetrics.BulkFailure.REJECTED_ITEMS);
        }
    }

    /** What Elasticsearch's answer for one write means, once no item asks for the batch to be retried. */
    private static IndexingMetrics.Outcome outcomeOf(BulkResponseItem item, Pending written) {
        if (item.status() == 409 || item.status() == 404) {
            // 409: Elasticsearch already holds this version or a newer one; 404: deleting what is not there.
            return IndexingMetrics.Outcome.STALE;
        }
        if (item.error() != null) {
            return IndexingMetrics.Outcome.REJECTED;
        }
        return written.article() == null ? IndexingMetrics.Outcome.DELETED : IndexingMetrics.Outcome.INDEXED;
    }

    /** The line that ends the article's trace in this service, and the span's error when it was refused for good. */
    private static IndexingTracing.Answer answer(IndexingMetrics.Outcome outcome, BulkResponseItem item,
                                                 Pending written) {
        String notDone = "Not " + (written.article() == null ? "deleted" : "indexed");
        String line = switch (outcome) {
            case INDEXED -> "Indexed: version " + item.version();
            case DELETED -> "Deleted";
            case STALE -> item.status() == 404 ? "Deleted: it was not in the index"
                    : notDone + ": Elasticsearch holds this version or a newer one";
            case REJECTED -> notDone + ": Elasticsearch answered " + item.status();
        };
        // A refusal marks the span failed even when Elasticsearch gives no reason.
        return new IndexingTracing.Answer(item.status(), line, outcome == IndexingMetrics.Outcome.REJECTED
                ? Objects.requireNonNullElse(item.error().reason(), "") : null);
    }

    /**
     * Hands the articles to the story assignment, keeping their order among the withdrawals; true when it was called
     * (and so must hear of the bulk write's end).
     */
    private boolean assignStories(List<Pending> pending) {
        List<ObjectNode> articles = pending.stream().filter(p -> p.article() != null).map(Pending::article).toList();
        if (articles.isEmpty()) {
            return false;
        }
        List<ObjectNode> assigned;
        try {
            assigned = listener.beforeIndexing(new ArrayList<>(articles));
        } catch (Exception e) {
            throw new RetryableIndexingException("story assignment failed: " + e);
        }
        if (assigned == null || assigned.size() != articles.size()) {
            batchWritten();
            throw new RetryableIndexingException("story assignment must return one document per article, in order");
        }
        for (int i = 0, a = 0; i < pending.size(); i++) {
            if (pending.get(i).article() != null) {
                pending.set(i, pending.get(i).with(assigned.get(a++)));
            }
        }
        return true;
    }

    private void batchWritten() {
        try {
            listener.batchWritten();
        } catch (Exception e) {
            LOG.warnf("Story assignment could not finish after a bulk write: %s", e.toString());
        }
    }

    private Optional<Pending> toPending(ConsumerRecord<String, String> record) {
        String id = record.key();
        if (id == null) {
            LOG.errorf("Skipping keyless record %s-%d@%d", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (record.value() == null) {
            // A tombstone says which article, not which version: the delete is unversioned
            // (query-service/README.md, Limits).
            return Optional.of(new Pending(id, null, null));
        }
        JsonNode article;
        try {
            article = json.readTree(record.value());
        } catch (IOException e) {
            LOG.errorf("Skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
        if (!(article instanceof ObjectNode object)) {
            LOG.errorf("Skipping non-object record %s-%d@%d", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        return Optional.of(new Pending(id, object.path("version").asLong(1), ArticleDocument.of(object)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One write of a batch: an article to index at its version, or a withdrawal to delete. */
    private record Pending(String id, Long version, ObjectNode article) {

        Pending with(ObjectNode document) {
            return new Pending(id, version, document);
        }

        BulkOperation operation() {
            if (article == null) {
                return BulkOperation.of(op -> op.delete(d -> d.id(id)));
            }
            return BulkOperation.of(op -> op.index(i -> i.id(id)
                    .version(version).versionType(VersionType.External).document(article)));
        }
    }
}
