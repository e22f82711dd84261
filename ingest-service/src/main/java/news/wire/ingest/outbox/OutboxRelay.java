package news.wire.ingest.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import news.wire.ingest.background.Backoff;
import news.wire.ingest.background.WakeableLoop;
import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.kafka.PublishTracing;
import news.wire.ingest.kafka.RawTopic;
import news.wire.ingest.tracing.StoredTrace;

/**
 * Publishes outbox messages to Kafka and marks them sent. Kafka being down only delays publication: rows stay
 * in PostgreSQL until a send is acknowledged, and the relay backs off between failed passes. The relay runs
 * on its own thread, woken as soon as an intake transaction commits, and polls as a fallback (rows left by a
 * crash, another instance, or a pass that failed).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)};

    private final Producer<String, String> producer;
    private final RawTopic rawTopic;
    private final int batchSize;
    private final Duration maxBackoff;
    private final Timer publishLatency;
    private final Counter published;
    private final WakeableLoop loop;
    private final PublishTracing tracing;
    private final Event<OutboxPublished> acknowledged;
    private Duration backoff = Duration.ZERO;
    private Instant pausedUntil = Instant.MIN;

    public OutboxRelay(Producer<String, String> producer, RawTopic rawTopic, IngestConfig config, MeterRegistry metrics,
                       PublishTracing tracing, Event<OutboxPublished> acknowledged) {
        this.producer = producer;
        this.tracing = tracing;
        this.acknowledged = acknowledged;
        this.rawTopic = rawTopic;
        this.batchSize = config.outbox().batchSize();
        this.maxBackoff = config.outbox().maxBackoff();
        this.loop = new WakeableLoop("outbox-relay", config.outbox().pollInterval(), this::relay);
        this.publishLatency = Timer.builder("ingest.outbox.publish.latency")
                .description("Time from acceptance (or the end of an embargo) to Kafka's acknowledgement")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(metrics);
        this.published = Counter.builder("ingest.outbox.published")
                .description("Outbox messages acknowledged by Kafka and marked sent")
                .register(metrics);
        // Embargoed rows count too: they are accepted work not yet delivered.
        Gauge.builder("ingest.outbox.backlog", () -> QuarkusTransaction.requiringNew().call(() -> OutboxMessage.backlog()))
                .description("Outbox messages not yet published, embargoed ones included")
                .register(metrics);
        // Embargoed rows do not count here: waiting is what they should do.
        Gauge.builder("ingest.outbox.oldest", () -> QuarkusTransaction.requiringNew().call(() -> oldestWaitSeconds()))
                .description("How long the oldest publishable outbox message has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(metrics);
    }

    private static double oldestWaitSeconds() {
        Instant now = Instant.now();
        return OutboxMessage.oldestPublishable(now)
                .map(since -> Duration.between(since, now).toMillis() / 1000.0)
                .orElse(0.0);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(10));
    }

    /** After commit only: before it, the relay could not see the row, and after a rollback there is none. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        loop.wakeUp();
    }

    /** True while the relay thread runs. */
    public boolean alive() {
        return loop.alive();
    }

    void relay() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            while (relayBatch() == batchSize) {
                // A full batch means more is waiting: keep draining rather than waiting for the next tick.
            }
            backoff = Duration.ZERO;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            backoff = backoff.isZero() ? FIRST_BACKOFF : Backoff.next(backoff, maxBackoff);
            pausedUntil = Instant.now().plus(backoff);
            LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", e.getMessage(), backoff.toMillis());
        }
    }

    /** Publishes up to one batch; returns how many messages were published. */
    int relayBatch() throws InterruptedException {
        // Nothing is sent to a topic that is not there: the rows wait in the outbox, and RawTopic says what is missing.
        if (!rawTopic.present()) {
            return 0;
        }
        List<OutboxMessage> batch = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.pending(Instant.now(), batchSize));
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            sends.add(tracing.send(producer, new ProducerRecord<>(message.topic, message.messageKey, message.payload),
                    new StoredTrace(message.traceparent, message.tracestate)));
        }
        List<Long> sent = new ArrayList<>(batch.size());
        List<UUID> articles = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get();
                OutboxMessage message = batch.get(i);
                sent.add(message.id);
                articles.add(message.articleId);
                publishLatency.record(Duration.between(message.availableAt, Instant.now()));
            } catch (ExecutionException e) {
                failure = new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        if (!sent.isEmpty()) {
            // A crash between Kafka's ack and this commit re-sends these rows: consumers dedupe by id and version.
            // Observers lock articles before this locks outbox rows: intake locks in that order too (a withdrawal
            // locks the article, then discards its unsent rows), and the opposite order deadlocks against it.
            QuarkusTransaction.requiringNew().run(() -> {
                acknowledged.fire(new OutboxPublished(articles));
                OutboxMessage.markSent(sent, Instant.now());
            });
            published.increment(sent.size());
        }
        if (failure != null) {
            throw failure;
        }
        return sent.size();
    }
}
