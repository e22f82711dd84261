package news.wire.enrich.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.jboss.logging.Logger;

import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.kafka.KafkaClients;
import news.wire.enrich.kafka.PipelineTopics;

/**
 * One thread's read-process-write loop: a consumer of articles.raw and a transactional producer that writes each
 * polled batch's output (enriched articles, tombstones, dead letters) and the batch's offsets in one transaction.
 * Read_committed readers therefore see each raw message's output once, however often a batch is redone.
 */
final class EnrichmentWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(EnrichmentWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /** How soon a missing topic is looked for again: it appears once the deployment's topic step has run. */
    private static final Duration MISSING_TOPICS_WAIT = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final String name;
    private final ArticleRouter router;
    private final EnrichmentMetrics metrics;
    private final EnrichConfig config;
    private final PipelineTopics topics;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private volatile boolean joined;
    private boolean progressed;
    /** The largest record the output topics take, as read from them when this worker last started its clients. */
    private long maxMessageBytes;

    /** Worker {@code n} of {@code instance}, the name of this instance among all on the broker (its instance-id). */
    EnrichmentWorker(KafkaClients clients, String instance, int n, ArticleRouter router, EnrichmentMetrics metrics,
                     EnrichConfig config, PipelineTopics topics) {
        // The transactional id. With the group-metadata form of sendOffsetsToTransaction (KIP-447) the group
        // coordinator refuses offsets from a consumer of an older group generation, so a zombie worker that lost its
        // partitions cannot commit its batch whatever its transactional id: the id need not follow the partitions,
        // it only has to be unique among live producers (two holders of one id fence each other, over and over).
        // Being the same after a restart on the same host and port buys one more thing: the new life's
        // initTransactions aborts the transaction a killed life left open at once, instead of read_committed
        // readers stalling behind it until transaction.timeout.ms.
        this.name = config.groupId() + "-" + instance + "-" + n;
        this.clients = clients;
        this.router = router;
        this.metrics = metrics;
        this.config = config;
        this.topics = topics;
    }

    String name() {
        return name;
    }

    /** True while the consumer is in its group with partitions assigned (possibly none). */
    boolean joined() {
        return joined;
    }

    /** Asks the loop to finish the batch in hand, commit it and close its clients; returns at once. */
    void stop() {
        stopRequested.countDown();
    }

    private boolean running() {
        return stopRequested.getCount() > 0;
    }

    @Override
    public void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running()) {
            try {
                maxMessageBytes = topics.check();
                work();
            } catch (PipelineTopics.MissingTopics e) {
                // PipelineTopics has said what is missing, once; readiness stays down meanwhile.
                pause(MISSING_TOPICS_WAIT);
            } catch (Exception e) {
                if (!running()) {
                    break;
                }
                if (progressed) {
                    backoff = FIRST_BACKOFF;
                    progressed = false;
                }
                LOG.warnf("%s: new Kafka clients in %d ms after: %s", name(), backoff.toMillis(), e.toString());
                pause(backoff);
                backoff = Backoff.next(backoff, config.maxBackoff());
            }
        }
        LOG.infof("%s: stopped", name());
    }

    private void work() {
        Consumer<String, String> consumer = clients.workerConsumer(name);
        Producer<String, String> producer = null;
        try {
            producer = clients.workerProducer(name, maxMessageBytes);
            producer.initTransactions();
            consumer.subscribe(List.of(config.topics().raw()), new Membership());
            Duration backoff = FIRST_BACKOFF;
            while (running()) {
                ConsumerRecords<String, String> batch = consumer.poll(POLL);
                metrics.lag().observe(consumer);
                if (batch.isEmpty()) {
                    continue;
                }
                if (publish(consumer, producer, batch)) {
                    backoff = FIRST_BACKOFF;
                } else {
                    pause(backoff);
                    backoff = Backoff.next(backoff, config.maxBackoff());
                }
            }
        } finally {
            joined = false;
            metrics.lag().released(consumer.assignment());
            close(consumer, producer);
        }
    }

    /**
     * Enriches and publishes one polled batch with its offsets in one transaction. On an abortable failure the
     * transaction is aborted and the consumer sent back to the batch's first offsets, so nothing is skipped: the
     * next poll redoes the batch. A producer that can no longer write (fenced, or failing the abort) escapes as an
     * exception, and run() replaces both clients; the new consumer resumes from the committed offsets.
     *
     * <p>A batch stops early once it has taken enrich.stream.max-batch-time: what it has done is committed, and the
     * consumer is sent back to the first record not done of each partition, which the next poll returns again.
     *
     * @return whether the batch was committed
     */
    private boolean publish(Consumer<String, String> consumer, Producer<String, String> producer,
                            ConsumerRecords<String, String> batch) {
        Map<ArticleOutcome, Integer> tally = new EnumMap<>(ArticleOutcome.class);
        Map<String, Integer> untagged = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Map<TopicPartition, Long> left = new HashMap<>();
        long deadline = System.nanoTime() + config.stream().maxBatchTime().toNanos();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<String, String> record : batch) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                // Once out of time, every later record is left, so each partition resumes in order.
                if (!done.isEmpty() && System.nanoTime() - deadline > 0) {
                    left.putIfAbsent(partition, record.offset());
                    continue;
                }
                RoutedArticle routed = metrics.perArticle().record(() -> router.route(record, maxMessageBytes));
                producer.send(routed.record());
                tally.merge(routed.outcome(), 1, Integer::sum);
                if (routed.untaggedLanguage() != null) {
                    untagged.merge(routed.untaggedLanguage(), 1, Integer::sum);
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(done, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException fatal) {
            throw fatal;
        } catch (KafkaException e) {
            LOG.warnf("%s: aborting a batch of %d, it will be redone: %s", name(), batch.count(), e.toString());
            producer.abortTransaction();
            rewind(consumer, batch);
            return false;
        }
        if (!left.isEmpty()) {
            LOG.debugf("%s: batch cut short by enrich.stream.max-batch-time; %s read again", name(), left);
            left.forEach(consumer::seek);
        }
        metrics.committed(tally, untagged);
        progressed = true;
        return true;
    }

    /** Back to where the aborted batch began, which is where the committed offsets stand. */
    private static void rewind(Consumer<String, String> consumer, ConsumerRecords<String, String> batch) {
        for (TopicPartition partition : batch.partitions()) {
            // Rebalances happen only inside poll(), so the partitions of the batch are still ours.
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
    }

    private void close(Consumer<String, String> consumer, Producer<String, String> producer) {
        Duration timeout = config.stream().shutdownTimeout().dividedBy(2);
        try {
            // Leaving at once hands the partitions to the other workers now rather than after the session timeout.
            consumer.close(CloseOptions.timeout(timeout)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } catch (RuntimeException e) {
            LOG.debugf("%s: closing the consumer: %s", name(), e);
        }
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("%s: closing the producer: %s", name(), e);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Membership implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to hand over: every batch is committed or aborted before the next poll.
            metrics.lag().released(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joined = true;
            progressed = true;
            if (!partitions.isEmpty()) {
                LOG.infof("%s: assigned %s", name(), partitions);
            }
        }
    }
}
