package news.wire.query.watches;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import news.wire.query.search.ArticleMatching;

/**
 * Every watch's query as {@link ArticleMatching} builds it for the watch's search: read from the store again after a
 * write through this instance, or after {@link #RELOAD} when the store's change mark moved (a watch saved through
 * another instance), and built anew every {@link #REBUILD}, so entity names follow what the registry has learned
 * since (query-time identity) as a search made now would.
 */
@ApplicationScoped
public class WatchQueries {

    static final Duration RELOAD = Duration.ofSeconds(5);
    static final Duration REBUILD = Duration.ofMinutes(1);

    /** One watch's query, built from its search as it stood at {@code updatedAt}, and what it asks of an article. */
    record Built(String watchId, Instant updatedAt, Query query, WatchGate gate) {
    }

    private final WatchStore store;
    private final ArticleMatching matching;
    private final MatchingIndex matchingIndex;
    private List<Built> built = List.of();
    private long generation = -1;
    private long loadedAt;
    private long builtAllAt;
    private WatchStore.ChangeMark mark;

    public WatchQueries(WatchStore store, ArticleMatching matching, MatchingIndex matchingIndex) {
        this.store = store;
        this.matching = matching;
        this.matchingIndex = matchingIndex;
    }

    /** The watches' queries; called on the matching thread only ({@code IndexedBatchQueue}). */
    List<Built> current() throws IOException {
        long now = System.nanoTime();
        long seen = store.generation();
        boolean rebuild = now - builtAllAt > REBUILD.toNanos();
        if (seen == generation && now - loadedAt < RELOAD.toNanos() && !rebuild) {
            return built;
        }
        // Reading every watch is a search per 1,000 watches and every search parsed, on the matching thread; the mark is
        // one small search.
        WatchStore.ChangeMark markNow = store.changeMark();
        if (seen == generation && !rebuild && markNow.equals(mark)) {
            loadedAt = now;
            return built;
        }
        Map<String, Built> before = new HashMap<>();
        built.forEach(b -> before.put(b.watchId(), b));
        List<Built> next = new ArrayList<>();
        // Watches naming one entity share its lookup in the registry: with thousands of watches, one lookup per watch
        // kept the indexer thread (where matching ran then) busy for seconds at every rebuild.
        Map<String, Query> entries = new HashMap<>();
        for (WatchStore.StoredSearch watch : store.searches()) {
            Built old = before.get(watch.id());
            next.add(!rebuild && old != null && old.updatedAt().equals(watch.updatedAt()) ? old
                    : built(watch, entries));
        }
        built = List.copyOf(next);
        generation = seen;
        mark = markNow;
        loadedAt = now;
        if (rebuild) {
            builtAllAt = now;
        }
        return built;
    }

    private Built built(WatchStore.StoredSearch watch, Map<String, Query> entries) throws IOException {
        Query query = matching.of(watch.search(), entries);
        return new Built(watch.id(), watch.updatedAt(), query, WatchGate.of(query, matchingIndex::tokens));
    }
}
