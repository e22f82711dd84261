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
import jakarta.inject.Inject;

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
import news.wire.ingest.kafka.KafkaClients;
import news.wire.ingest.kafka.PublishTracing;
import news.wire.ingest.kafka.RawTopic;
import news.wire.ingest.tracing.StoredTrace;

/**
 * Publishes outbox messages to Kafka and marks them sent. Kafka being down only delays publication: rows stay
 * in PostgreSQL until a send is acknowledged, and the relay backs off between failed passes. The relay runs
 * on its own thread, woken as soon as an intake transaction commits, and polls as a fallback (rows left by a
 * crash, another instance, or a pass that failed).
 *
 * <p>Several relays (one per instance) share the outbox. A pass is one transaction: it claims its rows (row locks
 * taken with SKIP LOCKED, {@link OutboxMessage#claimPending}), sends them, waits for Kafka's acknowledgements and
 * marks the acknowledged rows sent, and only its commit or rollback releases the claim. Row locks rather than a lease column (claimed_by,
 * claimed_until, as the feed poller uses for polls that take minutes): a lock cannot expire while its holder is
 * still sending, which would let a second relay publish the same version and then the next one before the first
 * relay's late copy arrives, and it goes with the holder's connection when an instance dies, with no lease to wait
 * out. The price is a transaction open for the length of a send; {@link #publishClaimed} bounds that (it stops
 * sending at the first failure or once a send could have blocked the producer's whole max.block.ms, and the
 * producer gives every record up after delivery.timeout.ms), and the pass ends, releasing its rows to the other
 * relays, before any back-off.
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
    private final Duration sendingBudget;
    private final int claimTimeoutSeconds;
    private Duration backoff = Duration.ZERO;
    private Instant pausedUntil = Instant.MIN;

    @Inject
    public OutboxRelay(Producer<String, String> producer, RawTopic rawTopic, KafkaClients clients, IngestConfig config,
                       MeterRegistry metrics, PublishTracing tracing, Event<OutboxPublished> acknowledged) {
        this(producer, rawTopic, clients, config.outbox().batchSize(), config.outbox().pollInterval(),
                config.outbox().maxBackoff(), metrics, tracing, acknowledged);
    }

    /** A relay of its own, unstarted: tests run several against one database, as several instances would. */
    OutboxRelay(Producer<String, String> producer, RawTopic rawTopic, KafkaClients clients, int batchSize,
                Duration pollInterval, Duration maxBackoff, MeterRegistry metrics, PublishTracing tracing,
                Event<OutboxPublished> acknowledged) {
        this.producer = producer;
        this.tracing = tracing;
        this.acknowledged = acknowledged;
        this.rawTopic = rawTopic;
        this.batchSize = batchSize;
        this.maxBackoff = maxBackoff;
        this.loop = new WakeableLoop("outbox-relay", pollInterval, this::relay);
        this.sendingBudget = clients.relayMaxBlock();
        // Longest a pass may take: sends until the budget is spent, one last send blocking its max.block.ms, then
        // delivery.timeout.ms for the acknowledgements. Past it the transaction would be rolled back under a relay
        // still waiting for Kafka, freeing its rows for another relay while its own copies may yet land.
        Duration longestPass = sendingBudget.multipliedBy(2).plus(clients.relayDeliveryTimeout()).plusSeconds(30);
        this.claimTimeoutSeconds = (int) Math.max(60, longestPass.toSeconds());
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
            while (relayBatch() > 0) {
                // More may be waiting: the rest of a full batch, or versions that became eligible once the pass
                // that sent their article's previous version committed. Keep draining rather than wait for a tick.
            }
            backoff = Duration.ZERO;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The failed pass has ended, so its rows are free for other relays while this one waits.
            backoff = backoff.isZero() ? FIRST_BACKOFF : Backoff.next(backoff, maxBackoff);
            pausedUntil = Instant.now().plus(backoff);
            LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", e.getMessage(), backoff.toMillis());
        }
    }

    /**
     * Publishes up to one batch in one transaction; returns how many messages were published. Throws after the
     * transaction has ended, having marked what Kafka acknowledged, when a send failed.
     */
    int relayBatch() throws InterruptedException {
        // Nothing is sent to a topic that is not there: the rows wait in the outbox, and RawTopic says what is missing.
        if (!rawTopic.present()) {
            return 0;
        }
        Pass pass = QuarkusTransaction.requiringNew().timeout(claimTimeoutSeconds).call(this::publishClaimed);
        if (pass.published() > 0) {
            published.increment(pass.published());
        }
        if (pass.interrupted()) {
            throw new InterruptedException("outbox relay stopped while waiting for Kafka");
        }
        if (pass.failure() != null) {
            throw pass.failure();
        }
        return pass.published();
    }

    /** What one pass did: messages marked sent, the send failure if any, whether the wait was interrupted. */
    private record Pass(int published, RuntimeException failure, boolean interrupted) {
        static final Pass NOTHING = new Pass(0, null, false);
    }

    /** Inside the pass's transaction: claims a batch, sends it, and marks sent what Kafka acknowledged. */
    private Pass publishClaimed() {
        List<OutboxMessage> batch = OutboxMessage.claimPending(Instant.now(), batchSize);
        if (batch.isEmpty()) {
            return Pass.NOTHING;
        }
        long sendingUntil = System.nanoTime() + sendingBudget.toNanos();
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            Future<RecordMetadata> send = tracing.send(producer,
                    new ProducerRecord<>(message.topic, message.messageKey, message.payload),
                    new StoredTrace(message.traceparent, message.tracestate));
            sends.add(send);
            // A send that failed at once found no broker, and each further one would block as long again while
            // this transaction holds the batch: stop, and leave the unsent rows for the next pass or another relay.
            if (failedAlready(send) || System.nanoTime() > sendingUntil) {
                break;
            }
        }
        List<Long> sent = new ArrayList<>(sends.size());
        List<UUID> articles = new ArrayList<>(sends.size());
        RuntimeException failure = null;
        boolean interrupted = false;
        for (int i = 0; i < sends.size() && !interrupted; i++) {
            try {
                sends.get(i).get();
                OutboxMessage message = batch.get(i);
                sent.add(message.id);
                articles.add(message.articleId);
                publishLatency.record(Duration.between(message.availableAt, Instant.now()));
            } catch (ExecutionException e) {
                failure = new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                // Shutting down: keep what was acknowledged so far; the rest is re-sent by whoever claims it next.
                interrupted = true;
            }
        }
        if (!sent.isEmpty()) {
            // A crash between Kafka's ack and this commit re-sends these rows: consumers dedupe by id and version.
            // The articles were locked with the rows at the claim, so the observers never wait for intake.
            acknowledged.fire(new OutboxPublished(articles));
            OutboxMessage.markSent(sent, Instant.now());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Pass(sent.size(), failure, interrupted);
    }

    private static boolean failedAlready(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
