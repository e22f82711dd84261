package news.wire.query.watches;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * Posts each watch's matches to its webhook, in seq order, one at a time: a 2xx moves the webhook's
 * {@code deliveredSeq} on (stored before the next call), anything else (or no answer, or a refused address) is a
 * failure, retried after a wait that doubles with each failure in a row; after {@code pause-after} failures in a
 * row the webhook is paused until its watch is saved again. At least once: a call answered but not yet recorded
 * when the process dies is made again, with the same matchId.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    /** Most matches sent to one webhook per round, so one busy watch does not hold up the others. */
    static final int PER_ROUND = 20;

    private final WatchStore watches;
    private final MatchLog matches;
    private final WebhookDeliveries deliveries;
    private final WebhookAddresses addresses;
    private final WebhookConfig config;
    private final WatchMetrics metrics;
    private final ObjectMapper json;
    private final HttpClient http;

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
    }

    @Scheduled(every = "${query.watches.webhooks.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            List<WatchStore.WebhookTarget> targets = watches.webhooks();
            if (targets.isEmpty()) {
                return;
            }
            Map<String, WebhookDeliveries.State> states = deliveries.getAll(targets.stream()
                    .map(WatchStore.WebhookTarget::watchId).toList());
            for (WatchStore.WebhookTarget target : targets) {
                deliver(target, states.get(target.watchId()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Webhook round skipped: %s", e.toString());
        }
    }

    private void deliver(WatchStore.WebhookTarget target, WebhookDeliveries.State state) throws IOException {
        Instant now = Instant.now();
        if (!state.paused() && (state.nextAttemptAt() == null || !now.isBefore(state.nextAttemptAt()))) {
            for (WatchMatch match : matches.after(target.watchId(), state.deliveredSeq(), PER_ROUND)) {
                String error = post(target, match);
                if (error == null) {
                    Instant acknowledged = Instant.now();
                    state = state.delivered(match.seq(), acknowledged);
                    deliveries.save(state);
                    metrics.delivered(Duration.between(match.matchedAt(), acknowledged));
                    continue;
                }
                boolean pause = state.failures() + 1 >= config.pauseAfter();
                state = state.failed(error, Instant.now().plus(retryAfter(state.failures() + 1)), pause);
                deliveries.save(state);
                metrics.failed(target.watchId());
                if (pause) {
                    LOG.warnf("Webhook of watch %s paused after %d failures in a row: %s", target.watchId(),
                            state.failures(), error);
                }
                break;
            }
        }
        metrics.webhookState(target.watchId(), matches.countAfter(target.watchId(), state.deliveredSeq()),
                state.paused());
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
