package news.wire.ingest.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import news.wire.ingest.background.WakeableLoop;
import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.formats.WireItem;
import news.wire.ingest.intake.IntakeMeters;
import news.wire.ingest.intake.IntakeOutcome;
import news.wire.ingest.intake.IntakeResult;
import news.wire.ingest.intake.IntakeService;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.UnknownItemException;

/**
 * Polls registered feeds when they are due and sends every entry through the same intake as the REST API, so a
 * feed item is deduplicated, versioned and published exactly like pushed copy. A thread of its own looks for due
 * feeds every tick (and at once after a registration); a small pool fetches them, one poll per feed at a time,
 * because each feed is claimed in PostgreSQL for the length of its poll.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final FeedRegistry registry;
    private final FeedFetcher fetcher;
    private final FeedReader reader;
    private final IntakeService intake;
    private final IntakeMeters meters;
    private final boolean enabled;
    private final Duration tick;
    private final int concurrency;
    private final long maxArticleBytes;
    private final Semaphore slots;
    private final WakeableLoop loop;
    private final Tracer tracer;

    private ExecutorService workers;

    public FeedPoller(FeedRegistry registry, FeedFetcher fetcher, FeedReader reader, IntakeService intake,
                      IntakeMeters meters, IngestConfig config, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
        this.fetcher = fetcher;
        this.reader = reader;
        this.intake = intake;
        this.meters = meters;
        this.enabled = config.feeds().enabled();
        this.tick = config.feeds().tick();
        this.concurrency = config.feeds().concurrency();
        this.maxArticleBytes = config.limits().maxArticleSize().asLongValue();
        this.slots = new Semaphore(concurrency);
        this.loop = new WakeableLoop("feed-poller", tick, this::dispatch);
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Feed polling is off on this instance (ingest.feeds.enabled=false)");
            return;
        }
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread worker = new Thread(task, "feed-fetch-" + count.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(10));
        if (workers != null) {
            workers.shutdown();
            // A poll cut short keeps its claim until ingest.feeds.lease runs out; then it is simply polled again.
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        }
    }

    /** After commit only: before it, the claim query could not see the new feed. */
    void onRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedRegistered registered) {
        loop.wakeUp();
    }

    /** True while the poller thread runs (or polling is off here). */
    public boolean alive() {
        return !enabled || loop.alive();
    }

    /** Claims as many due feeds as there are idle workers, so no claimed feed waits in a queue while its claim runs. */
    void dispatch() {
        int idle = slots.availablePermits();
        if (idle == 0) {
            return;
        }
        List<UUID> due;
        try {
            due = registry.claimDue(idle);
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for due feeds (%s); trying again in %d ms", e.getMessage(), tick.toMillis());
            return;
        }
        for (UUID id : due) {
            slots.acquireUninterruptibly();
            try {
                workers.execute(() -> {
                    try {
                        poll(id);
                    } finally {
                        slots.release();
                        // A freed worker may be what a due feed is waiting for.
                        loop.wakeUp();
                    }
                });
            } catch (RejectedExecutionException e) {
                slots.release();
            }
        }
    }

    /**
     * Polls one claimed feed and records the outcome, which also ends the claim. Each poll is a trace of its own
     * (no request starts it): the articles it brings in are published, enriched and indexed as part of it.
     */
    void poll(UUID id) {
        Span span = tracer.spanBuilder("poll feed").setNoParent().setAttribute("feed.id", id.toString()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            PollResult result = pollAndRecord(id);
            if (result != null) {
                span.setAttribute("feed.items.new", result.created());
                if (!result.succeeded()) {
                    span.setStatus(StatusCode.ERROR, result.error());
                }
            }
        } finally {
            span.end();
        }
    }

    /** The poll's result, or null when there was none (the feed is gone, or the poller is stopping). */
    private PollResult pollAndRecord(UUID id) {
        Feed feed = registry.find(id).orElse(null);
        if (feed == null) {
            return null;
        }
        PollResult result;
        try {
            result = pollOnce(feed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Poll of feed %s (%s) failed unexpectedly", feed.id, feed.url);
            result = PollResult.failed(null, "Poll failed: " + e);
        }
        if (!result.succeeded()) {
            LOG.warnf("Feed %s (%s): %s", feed.id, feed.url, result.error());
        } else if (result.created() > 0) {
            LOG.debugf("Feed %s (%s): %d new of %d items", feed.id, feed.url, result.created(), result.seen());
        }
        try {
            registry.record(id, result);
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the poll of feed %s (%s); it is polled again once its claim runs out",
                    feed.id, e.getMessage());
        }
        return result;
    }

    private PollResult pollOnce(Feed feed) throws InterruptedException {
        FeedResponse response;
        try {
            response = fetcher.fetch(URI.create(feed.url), feed.etag, feed.lastModified);
        } catch (FeedFetchException e) {
            return PollResult.failed(null, e.getMessage());
        }
        if (response.notModified()) {
            return PollResult.notModified(response.etag(), response.lastModified());
        }
        if (!response.ok()) {
            return PollResult.failed(response.status(), "HTTP " + response.status() + " from the feed server");
        }
        List<FeedEntry> entries;
        try {
            entries = reader.read(response.body(), response.contentType(), feed.format, feed.source);
        } catch (WireFormatException e) {
            return PollResult.failed(response.status(), "Unreadable feed (" + e.kind() + "): " + e.getMessage());
        }
        return take(feed, entries, response);
    }

    /** Sends each usable entry to intake; the validators are kept only when every entry was stored. */
    private PollResult take(Feed feed, List<FeedEntry> entries, FeedResponse response) {
        int seen = 0;
        int created = 0;
        int skipped = 0;
        String format = "feed/" + (feed.format == null ? "auto" : feed.format.label());
        for (FeedEntry entry : entries) {
            seen++;
            if (!entry.usable()) {
                skipped++;
                meters.rejected(format, "unusable-entry");
                LOG.debugf("Feed %s: entry %d skipped: %s", feed.id, seen, entry.skipped());
                continue;
            }
            long size = textBytes(entry.item());
            if (size > maxArticleBytes) {
                // The limit pushed articles have: a feed document may be far larger than one article should be
                // (ingest.feeds.max-feed-size), and each article must fit one Kafka message (RawMessageSize).
                skipped++;
                meters.rejected(format, "too-large");
                LOG.warnf("Feed %s: entry %d skipped: %d bytes of text, more than ingest.limits.max-article-size",
                        feed.id, seen, size);
                continue;
            }
            try {
                IntakeResult result = intake.accept(entry.item());
                IntakeOutcome outcome = result.outcome();
                meters.accepted(format, result.article().source, outcome);
                if (outcome == IntakeOutcome.CREATED || outcome == IntakeOutcome.NEW_VERSION) {
                    created++;
                }
            } catch (RuntimeException e) {
                if (!isEntryFault(e)) {
                    // Not this entry's fault (the database, say): fail the poll without new validators, so the
                    // next poll fetches the whole feed again and intake's deduplication skips what was stored.
                    return new PollResult(response.status(), null, null, seen, created, skipped,
                            "Items could not be stored: " + e.getMessage());
                }
                skipped++;
                meters.rejected(format, "refused-entry");
                LOG.debugf("Feed %s: entry %d skipped: %s", feed.id, seen, e.getMessage());
            }
        }
        return new PollResult(response.status(), response.etag(), response.lastModified(), seen, created, skipped,
                null);
    }

    /** The entry's text in UTF-8, as a pushed article's size would count it. */
    private static long textBytes(WireItem item) {
        long bytes = 0;
        for (String text : new String[] {item.headline(), item.body(), item.byline()}) {
            if (text != null) {
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    /**
     * Whether intake refused an entry for what it holds (a kill of an unknown item, a value too long for its
     * column) rather than for a fault of ours: such an entry is skipped, or it would fail every poll forever.
     */
    private static boolean isEntryFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WireFormatException || t instanceof UnknownItemException
                    || t instanceof InvalidItemException || t instanceof ConstraintViolationException) {
                return true;
            }
            // SQLSTATE class 22 is a data exception (value too long, invalid text), 23 an integrity violation.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
