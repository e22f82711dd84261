package news.wire.query.watches;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import news.wire.query.indexing.MissingIndex;

/**
 * Each webhook's delivery state, one document per watch in {@code watch-deliveries-v1}: the seq of the last match its
 * receiver acknowledged (written after every acknowledgement, so a restart sends again at most the match that was in
 * flight), failures in a row, when to try next, paused or not. Apart from the watch, so saving a watch never races
 * the deliverer's writes.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** The index (src/main/resources/elasticsearch/watch-deliveries-index.json). */
    public static final String INDEX = "watch-deliveries-v1";

    /** One webhook's state; a watch with none yet starts from its first match. */
    public record State(String watchId, long deliveredSeq, int failures, Instant nextAttemptAt, boolean paused,
                        String lastError, Instant lastDeliveredAt) {

        public static State fresh(String watchId, long deliveredSeq) {
            return new State(watchId, deliveredSeq, 0, null, false, null, null);
        }

        State delivered(long seq, Instant at) {
            return new State(watchId, seq, 0, null, false, null, at);
        }

        State failed(String error, Instant next, boolean pause) {
            return new State(watchId, deliveredSeq, failures + 1, next, pause, error, lastDeliveredAt);
        }

        /** Whether its matches are sent now: not paused, and no retry waited for. */
        boolean isDue(Instant now) {
            return !paused && (nextAttemptAt == null || !now.isBefore(nextAttemptAt));
        }
    }

    private final ElasticsearchClient client;
    private final WatchIndex index;

    public WebhookDeliveries(ElasticsearchClient client, WatchIndex index) {
        this.client = client;
        this.index = index;
    }

    public State get(String watchId) throws IOException {
        return getAll(List.of(watchId)).get(watchId);
    }

    /** The state of each of these watches' webhooks (a fresh one where none is stored). */
    public Map<String, State> getAll(Collection<String> watchIds) throws IOException {
        Map<String, State> states = new HashMap<>();
        watchIds.forEach(id -> states.put(id, State.fresh(id, 0)));
        if (watchIds.isEmpty()) {
            return states;
        }
        var response = MissingIndex.orNull(() -> client.mget(m -> m.index(INDEX).ids(List.copyOf(watchIds)),
                State.class));
        if (response != null) {
            response.docs().forEach(d -> {
                if (d.isResult() && d.result().found()) {
                    states.put(d.result().id(), d.result().source());
                }
            });
        }
        return states;
    }

    /**
     * Stores the state without waiting for a refresh: it is only ever read by id (get and mget are real-time), and
     * the write is durable once acknowledged (the translog is synced per request). Waiting for the refresh, up to a
     * second, after each acknowledged call held every webhook to about one match a second.
     */
    public void save(State state) throws IOException {
        index.ensureExists();
        client.index(i -> i.index(INDEX).id(state.watchId()).document(state));
    }

    /** Stores these states in one bulk write, as {@link #save} does each. */
    public void saveAll(Collection<State> states) throws IOException {
        if (states.isEmpty()) {
            return;
        }
        index.ensureExists();
        List<BulkOperation> operations = states.stream()
                .map(state -> BulkOperation.of(op -> op.index(i -> i.id(state.watchId()).document(state)))).toList();
        BulkResponse response = client.bulk(b -> b.index(INDEX).operations(operations));
        if (response.errors()) {
            throw new IOException("delivery states not stored: " + response.items().stream()
                    .filter(item -> item.error() != null).map(item -> item.id() + ": " + item.error().reason())
                    .findFirst().orElse("?"));
        }
    }
}
