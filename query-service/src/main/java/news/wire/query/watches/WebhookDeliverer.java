package news.wire.query.watches;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Posts each watch's matches to its webhook, in seq order, one at a time, as soon as the matcher announces them (and
 * every {@code poll} besides, for retries and matches announced by other instances). The matcher hands over the
 * matches it wrote, which searches of the {@link MatchLog} see only after its next refresh: each round sends a
 * webhook's matches read from the log and those handed over, together in seq order. A 2xx moves the webhook's
 * {@code deliveredSeq} on, anything else (or no answer, or a refused address) is a failure, retried after a wait
 * that doubles with each failure in a row; after {@code pause-after} failures in a row the webhook is paused until its
 * watch is saved again. A round reads every due webhook's matches in one multi-search and stores their states in one
 * bulk write at its end (a request per match and per webhook cost more than the calls themselves). At least once: a
 * call answered in a round not yet recorded when the process dies is made again, with the same matchId (at most
 * {@link #PER_ROUND} a webhook). Several watches' webhooks are called at once
 * ({@code concurrency}); the list of webhooks is kept between rounds and read again after a watch is saved through
 * this instance, or after {@link WatchQueries#RELOAD} (a watch saved through another).
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    /** Most matches sent to one webhook per round, so one busy watch does not hold up the others. */
    static final int PER_ROUND = 20;
    /**
     * Most matches handed over and kept for one webhook (a paused one's pile up): past that they are dropped, and the
     * log is refreshed before their next read, which finds them.
     */
    static final int MOST_HELD = 1_000;

    private final WatchStore watches;
    private final MatchLog matches;
    private final WebhookDeliveries deliveries;
    private final WebhookAddresses addresses;
    private final WebhookConfig config;
    private final WatchMetrics metrics;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    /** The matches handed over, by watch and seq, of the watches with a webhook; dropped once delivered. */
    private final Map<String, NavigableMap<Long, WatchMatch>> held = new ConcurrentHashMap<>();
    /** The watches whose webhooks are called: only their matches are kept. */
    private volatile Set<String> webhookWatches = Set.of();
    /**
     * Watches whose matches may have been written without being handed over or kept (before their webhook was known
     * here, or dropped past {@link #MOST_HELD}): the log is refreshed before their matches are next read.
     */
    private final Set<String> refreshFirst = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService calls;
    private List<WatchStore.WebhookTarget> targets = List.of();
    private long targetsGeneration = -1;
    private long targetsReadAt;
    private volatile boolean running;
    private Thread thread;

    public WebhookDeliverer(WatchStore watches, MatchLog matches, WebhookDeliveries deliveries,
                            WebhookAddresses addresses, WebhookConfig config, WatchMetrics metrics, ObjectMapper json) {
        this.watches = watches;
        this.matches = matches;
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        // Redirects are not followed: a receiver could otherwise send the call on to an address the rules refuse.
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(config.concurrency(), task -> {
            Thread t = new Thread(task, "webhook-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::deliverUntilStopped, "webhook-deliverer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(config.timeout().toMillis());
        }
        calls.shutdownNow();
    }

    /**
     * Hands over matches just written: those of watches with a webhook are kept until delivered, and their webhooks
     * are called now rather than at the next poll, which would add up to a poll's wait to every delivery.
     */
    public void announced(Collection<WatchMatch> written) {
        Set<String> withWebhook = webhookWatches;
        boolean any = false;
        for (WatchMatch match : written) {
            String watchId = match.watchId();
            if (!withWebhook.contains(watchId)) {
                continue;
            }
            NavigableMap<Long, WatchMatch> kept = held.computeIfAbsent(watchId, id -> new ConcurrentSkipListMap<>());
            kept.put(match.seq(), match);
            if (kept.size() > MOST_HELD) {
                refreshFirst.add(watchId);
                held.remove(watchId);
            }
            announced.add(watchId);
            any = true;
        }
        if (any) {
            wake.release();
        }
    }

    private void deliverUntilStopped() {
        long nextFullRound = System.nanoTime();
        while (running) {
            try {
                boolean woken = wake.tryAcquire(config.poll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                boolean full = !woken || System.nanoTime() - nextFullRound >= 0;
                Set<String> only = new HashSet<>(announced);
                announced.removeAll(only);
                if (full) {
                    nextFullRound = System.nanoTime() + config.poll().toNanos();
                }
                deliverDue(full ? null : only);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One round over the webhooks of these watches, of every watch when null: each webhook in a task of its own, the
     * round over when all are.
     */
    void deliverDue(Set<String> only) throws InterruptedException {
        List<WatchStore.WebhookTarget> due;
        Map<String, WebhookDeliveries.State> states;
        try {
            List<WatchStore.WebhookTarget> all = targets();
            if (only == null) {
                metrics.keepWebhooksOf(all.stream().map(WatchStore.WebhookTarget::watchId).collect(Collectors.toSet()));
            }
            due = all.stream().filter(t -> only == null || only.contains(t.watchId())).toList();
            if (due.isEmpty()) {
                return;
            }
            states = deliveries.getAll(due.stream().map(WatchStore.WebhookTarget::watchId).toList());
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Webhook round skipped: %s", e.toString());
            return;
        }
        Instant now = Instant.now();
        Map<String, Long> ready = new HashMap<>();
        states.values().stream().filter(state -> state.isDue(now))
                .forEach(state -> ready.put(state.watchId(), state.deliveredSeq()));
        Map<String, List<WatchMatch>> pending;
        try {
            Set<String> unseen = new HashSet<>(ready.keySet());
            unseen.retainAll(refreshFirst);
            if (!unseen.isEmpty()) {
                // Taken out before the refresh, so a watch marked while it runs is refreshed again next round.
                refreshFirst.removeAll(unseen);
                try {
                    matches.refresh();
                } catch (IOException | RuntimeException e) {
                    refreshFirst.addAll(unseen);
                    throw e;
                }
            }
            pending = matches.afterEach(ready, PER_ROUND);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Webhook round skipped: %s", e.toString());
            return;
        }
        List<Callable<WebhookDeliveries.State>> tasks = new ArrayList<>(due.size());
        for (WatchStore.WebhookTarget target : due) {
            WebhookDeliveries.State state = states.get(target.watchId());
            List<WatchMatch> sending = ready.containsKey(target.watchId())
                    ? next(pending.getOrDefault(target.watchId(), List.of()), held.get(target.watchId()),
                    state.deliveredSeq()) : null;
            tasks.add(() -> deliver(target, state, sending));
        }
        List<WebhookDeliveries.State> changed = new ArrayList<>();
        for (Future<WebhookDeliveries.State> call : calls.invokeAll(tasks)) {
            try {
                WebhookDeliveries.State state = call.get();
                if (state != null) {
                    changed.add(state);
                }
            } catch (ExecutionException e) {
                // That webhook waits for the next round; the others went on.
                LOG.debugf("Webhook skipped this round: %s", e.getCause().toString());
            }
        }
        try {
            deliveries.saveAll(changed);
        } catch (IOException | RuntimeException e) {
            // Those webhooks' matches of this round are sent again: at least once.
            LOG.warnf("Webhook delivery states not stored: %s", e.toString());
        }
    }

    /**
     * A webhook's matches to send this round, in seq order, at most {@link #PER_ROUND}: those read from the log and
     * those handed over past DELIVERED_SEQ (the log may not show the newest yet). After a full page read from the log,
     * only the handed-over matches up to its last are certainly next.
     */
    static List<WatchMatch> next(List<WatchMatch> read, NavigableMap<Long, WatchMatch> kept, long deliveredSeq) {
        if (kept == null || kept.isEmpty()) {
            return read;
        }
        long upTo = read.size() >= PER_ROUND ? read.get(read.size() - 1).seq() : Long.MAX_VALUE;
        NavigableMap<Long, WatchMatch> bySeq = new TreeMap<>(kept.subMap(deliveredSeq, false, upTo, true));
        read.forEach(match -> bySeq.put(match.seq(), match));
        return bySeq.values().stream().limit(PER_ROUND).toList();
    }

    /**
     * The watches' webhooks as last read: read again once a watch was saved through this instance (its generation
     * moved) or after {@link WatchQueries#RELOAD}, rather than every watch read at every round. A webhook new here
     * has its matches read after a refresh of the log: the ones written before it was known were not kept.
     */
    private List<WatchStore.WebhookTarget> targets() throws IOException {
        long now = System.nanoTime();
        long seen = watches.generation();
        if (seen != targetsGeneration || now - targetsReadAt >= WatchQueries.RELOAD.toNanos()) {
            targets = watches.webhooks();
            targetsGeneration = seen;
            targetsReadAt = now;
            Set<String> ids = targets.stream().map(WatchStore.WebhookTarget::watchId).collect(Collectors.toSet());
            ids.stream().filter(id -> !webhookWatches.contains(id)).forEach(refreshFirst::add);
            webhookWatches = Set.copyOf(ids);
            held.keySet().retainAll(ids);
        }
        return targets;
    }

    /**
     * Sends the webhook its due matches (null when it is paused or waiting to retry) in order until one fails; the
     * state to store, null when nothing changed.
     */
    private WebhookDeliveries.State deliver(WatchStore.WebhookTarget target, WebhookDeliveries.State state,
                                            List<WatchMatch> due) throws IOException {
        WebhookDeliveries.State before = state;
        if (due != null) {
            for (WatchMatch match : due) {
                String error = post(target, match);
                if (error == null) {
                    Instant acknowledged = Instant.now();
                    state = state.delivered(match.seq(), acknowledged);
                    metrics.delivered(Duration.between(match.matchedAt(), acknowledged));
                    continue;
                }
                boolean pause = state.failures() + 1 >= config.pauseAfter();
                state = state.failed(error, Instant.now().plus(retryAfter(state.failures() + 1)), pause);
                metrics.failed(target.watchId());
                if (pause) {
                    LOG.warnf("Webhook of watch %s paused after %d failures in a row: %s", target.watchId(),
                            state.failures(), error);
                }
                break;
            }
        }
        NavigableMap<Long, WatchMatch> kept = held.get(target.watchId());
        if (kept != null) {
            kept.headMap(state.deliveredSeq(), true).clear();
        }
        // Counting costs a search; when the round read fewer than it could and sent them all, none is left.
        boolean allSent = due != null && due.size() < PER_ROUND
                && (due.isEmpty() || due.get(due.size() - 1).seq() == state.deliveredSeq());
        long pending = allSent ? 0 : matches.countAfter(target.watchId(), state.deliveredSeq());
        metrics.webhookState(target.watchId(), pending, state.paused());
        return state == before ? null : state;
    }

    /** The wait after this many failures in a row: first-retry, doubled each time, at most longest-retry. */
    Duration retryAfter(int failures) {
        Duration wait = config.firstRetry();
        for (int i = 1; i < failures && wait.compareTo(config.longestRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.longestRetry()) > 0 ? config.longestRetry() : wait;
    }

    /** Null when the receiver took the match, else why not. */
    private String post(WatchStore.WebhookTarget target, WatchMatch match) {
        URI uri;
        try {
            uri = addresses.check(target.url());
        } catch (WebhookAddresses.RefusedException e) {
            return "refused: " + e.getMessage();
        }
        try {
            String body = json.writeValueAsString(match);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.HEADER, WebhookSignature.of(target.secret(), timestamp, body))
                    .header(WebhookSignature.MATCH_ID, match.matchId())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IOException e) {
            return "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
    }
}
