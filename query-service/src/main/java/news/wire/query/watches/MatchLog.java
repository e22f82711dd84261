package news.wire.query.watches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.MissingIndex;
import news.wire.query.indexing.RetryableIndexingException;

/**
 * The matches announced so far, in {@code watch-matches-v1}: durable (they outlive the process, and a client that
 * comes back finds what it missed) and written once per matchId (a create; a batch indexed again finds its matches
 * there and adds nothing). Only the matching thread writes, with a {@code seq} that only grows, into one shard, one
 * write after the other: a refresh, whenever it comes, shows a prefix of them in seq order, so a reader that has seen
 * seq n has seen every match below n, and resuming after n leaves no gap. Writes are not refreshed: searches see them
 * after the index's next refresh (a second at most while anyone reads), and the webhook deliverer is handed them in
 * memory. A refresh per write made a small segment per matching pass, the largest cost of watches in Elasticsearch.
 */
@ApplicationScoped
public class MatchLog {

    /** The index of the matches (src/main/resources/elasticsearch/watch-matches-index.json). */
    public static final String INDEX = "watch-matches-v1";
    /** Most matches one read returns. */
    static final int MOST_READ = 1_000;
    private static final String WATCH_ID = "watchId";

    private final ElasticsearchClient client;
    private final WatchIndex index;
    private final AtomicLong lastSeq = new AtomicLong(-1);
    /** Writes of matches this process has made, and how many of them a refresh it asked for has shown. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refreshedWrites = new AtomicLong();

    public MatchLog(ElasticsearchClient client, WatchIndex index) {
        this.client = client;
        this.index = index;
    }

    /**
     * The next seq: past every seq written before (this process or an earlier one) and at least the microseconds of
     * the clock, so a restart whose first read of the index failed still moves on.
     */
    long nextSeq() throws IOException {
        if (lastSeq.get() < 0) {
            index.ensureExists();
            var response = client.search(s -> s.index(INDEX).size(1).source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Desc))), Void.class);
            long newest = response.hits().hits().isEmpty() ? 0 : response.hits().hits().get(0).sort().get(0).longValue();
            lastSeq.compareAndSet(-1, newest);
        }
        long clock = System.currentTimeMillis() * 1_000;
        return lastSeq.updateAndGet(last -> Math.max(last + 1, clock));
    }

    /**
     * Writes the matches not written before and returns them; matches whose id is there already are left as they
     * were (their seq and time too).
     */
    public List<WatchMatch> append(List<WatchMatch> matches) throws IOException {
        if (matches.isEmpty()) {
            return List.of();
        }
        index.ensureExists();
        List<BulkOperation> operations = new ArrayList<>(matches.size());
        for (WatchMatch m : matches) {
            operations.add(BulkOperation.of(op -> op.create(c -> c.id(m.matchId()).document(m))));
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> b.index(INDEX).operations(operations));
        } finally {
            // Counted failed or not (a failed request may have written some), so the next look-up refreshes first.
            writes.incrementAndGet();
        }
        List<WatchMatch> written = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                written.add(matches.get(i));
            } else if (item.status() != 409) {
                throw new RetryableIndexingException("match " + item.id() + " not written: " + item.error().reason());
            }
        }
        return written;
    }

    /**
     * Makes every match written so far searchable. Asked where a read must not miss one: before the earlier matches of
     * an article are looked up, and by the deliverer before it first reads a webhook's matches.
     */
    public void refresh() throws IOException {
        long shown = writes.get();
        MissingIndex.orNull(() -> client.indices().refresh(r -> r.index(INDEX)));
        refreshedWrites.accumulateAndGet(shown, Math::max);
    }

    /**
     * For each {@code watchId|articleId} pair among these articles' matches, the latest match; the matches this
     * process wrote are refreshed first if they may not be searchable yet.
     */
    public Map<String, WatchMatch> latestOf(Collection<String> articleIds) throws IOException {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        if (refreshedWrites.get() < writes.get()) {
            refresh();
        }
        List<FieldValue> ids = articleIds.stream().map(FieldValue::of).toList();
        var response = MissingIndex.orNull(() -> client.search(s -> s.index(INDEX).size(10_000)
                .query(q -> q.terms(t -> t.field("articleId").terms(v -> v.value(ids))))
                .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Asc))), WatchMatch.class));
        Map<String, WatchMatch> latest = new HashMap<>();
        if (response != null) {
            response.hits().hits().forEach(h -> latest.put(pair(h.source().watchId(), h.source().articleId()),
                    h.source()));
        }
        return latest;
    }

    static String pair(String watchId, String articleId) {
        return watchId + "|" + articleId;
    }

    /** A watch's matches, newest first, those below {@code beforeSeq} when given. */
    public List<WatchMatch> newestFirst(String watchId, Long beforeSeq, int size) throws IOException {
        Query query = beforeSeq == null ? ofWatch(watchId) : Query.of(q -> q.bool(b -> b.filter(ofWatch(watchId))
                .filter(f -> f.range(r -> r.number(n -> n.field("seq").lt((double) beforeSeq))))));
        return read(query, SortOrder.Desc, size);
    }

    /** A watch's matches after {@code afterSeq}, oldest first. */
    public List<WatchMatch> after(String watchId, long afterSeq, int size) throws IOException {
        return read(afterQuery(watchId, afterSeq), SortOrder.Asc, size);
    }

    private static Query afterQuery(String watchId, long afterSeq) {
        return Query.of(q -> q.bool(b -> b.filter(ofWatch(watchId))
                .filter(f -> f.range(r -> r.number(n -> n.field("seq").gt((double) afterSeq))))));
    }

    /**
     * For each of these watches, its matches after the seq given, oldest first, at most SIZE each: one multi-search
     * for them all. A watch with none is left out.
     */
    public Map<String, List<WatchMatch>> afterEach(Map<String, Long> afterSeqs, int size) throws IOException {
        if (afterSeqs.isEmpty()) {
            return Map.of();
        }
        List<String> watchIds = List.copyOf(afterSeqs.keySet());
        List<RequestItem> searches = new ArrayList<>(watchIds.size());
        for (String watchId : watchIds) {
            Query query = afterQuery(watchId, afterSeqs.get(watchId));
            searches.add(RequestItem.of(r -> r.header(h -> h.index(INDEX).ignoreUnavailable(true))
                    .body(b -> b.query(query).size(Math.min(size, MOST_READ))
                            .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Asc))))));
        }
        var response = client.msearch(m -> m.searches(searches), WatchMatch.class);
        Map<String, List<WatchMatch>> found = new HashMap<>();
        for (int i = 0; i < watchIds.size(); i++) {
            MultiSearchResponseItem<WatchMatch> item = response.responses().get(i);
            if (item.isFailure()) {
                throw new IOException("matches of watch " + watchIds.get(i) + " not read: "
                        + item.failure().error().reason());
            }
            List<WatchMatch> matches = item.result().hits().hits().stream().map(Hit::source).toList();
            if (!matches.isEmpty()) {
                found.put(watchIds.get(i), matches);
            }
        }
        return found;
    }

    /** The seq of a watch's newest match, 0 when it has none. */
    public long newestSeq(String watchId) throws IOException {
        List<WatchMatch> newest = newestFirst(watchId, null, 1);
        return newest.isEmpty() ? 0 : newest.get(0).seq();
    }

    /** How many of a watch's matches come after {@code afterSeq}. */
    public long countAfter(String watchId, long afterSeq) throws IOException {
        var response = MissingIndex.orNull(() -> client.count(c -> c.index(INDEX).query(q -> q.bool(b -> b
                .filter(ofWatch(watchId)).filter(f -> f.range(r -> r.number(n -> n.field("seq")
                        .gt((double) afterSeq))))))));
        return response == null ? 0 : response.count();
    }

    private static Query ofWatch(String watchId) {
        return Query.of(q -> q.term(t -> t.field(WATCH_ID).value(watchId)));
    }

    private List<WatchMatch> read(Query query, SortOrder order, int size) throws IOException {
        var response = MissingIndex.orNull(() -> client.search(s -> s.index(INDEX)
                .size(Math.min(size, MOST_READ)).query(query)
                .sort(o -> o.field(f -> f.field("seq").order(order))), WatchMatch.class));
        return response == null ? List.of() : response.hits().hits().stream().map(Hit::source).toList();
    }
}
