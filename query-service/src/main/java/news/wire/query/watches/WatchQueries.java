package news.wire.query.watches;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import news.wire.query.search.ArticleMatching;
import news.wire.query.search.ArticleQuery;

/**
 * Every watch's query as {@link ArticleMatching} builds it for the watch's search: read from the store again after a
 * write through this instance, or after {@link #RELOAD} when the store's change mark moved (a watch saved through
 * another instance), and built anew every {@link #REBUILD}, so entity names follow what the registry has learned
 * since (query-time identity) as a search made now would. The rebuild runs on a thread of its own and is taken up at
 * the next call: built on the matching thread, it held up one pass a minute by the time of a registry look-up per
 * entity named, which made the slowest deliveries.
 */
@ApplicationScoped
public class WatchQueries {

    private static final Logger LOG = Logger.getLogger(WatchQueries.class);

    static final Duration RELOAD = Duration.ofSeconds(5);
    static final Duration REBUILD = Duration.ofMinutes(1);

    /**
     * One watch's query, built from its search as it stood at {@code updatedAt}; what it asks of an article; and its
     * verdict in Java, null when Elasticsearch must decide.
     */
    record Built(String watchId, Instant updatedAt, ArticleQuery search, Query query, WatchGate gate,
                 WatchVerdict verdict) {
    }

    /** Every watch read from the store and built anew, after the matching thread's load number {@code afterLoad}. */
    private record Rebuilt(long afterLoad, List<Built> watches) {
    }

    private final WatchStore store;
    private final ArticleMatching matching;
    private final MatchingIndex matchingIndex;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "watch-queries-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** A finished rebuild, waiting to be taken up by the matching thread. */
    private final AtomicReference<Rebuilt> rebuilt = new AtomicReference<>();
    /** Loads from the store on the matching thread so far: a rebuild read before the latest one is not the whole truth. */
    private final AtomicLong loads = new AtomicLong();
    private List<Built> built = List.of();
    private long generation = -1;
    private long loadedAt;
    private long rebuildAskedAt;
    private WatchStore.ChangeMark mark;

    public WatchQueries(WatchStore store, ArticleMatching matching, MatchingIndex matchingIndex) {
        this.store = store;
        this.matching = matching;
        this.matchingIndex = matchingIndex;
    }

    /** The watches' queries; called on the matching thread only ({@code IndexedBatchQueue}). */
    List<Built> current() throws IOException {
        long now = System.nanoTime();
        takeUpRebuild();
        if (generation == -1) {
            rebuildAskedAt = now;
        } else if (now - rebuildAskedAt > REBUILD.toNanos()) {
            rebuildAskedAt = now;
            rebuilder.execute(this::rebuild);
        }
        long seen = store.generation();
        if (seen == generation && now - loadedAt < RELOAD.toNanos()) {
            return built;
        }
        // Reading every watch is a search per 1,000 watches and every search parsed, on the matching thread; the mark is
        // one small search.
        WatchStore.ChangeMark markNow = store.changeMark();
        if (seen == generation && markNow.equals(mark)) {
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
            next.add(old != null && old.updatedAt().equals(watch.updatedAt()) ? old
                    : built(watch.id(), watch.updatedAt(), watch.search(), entries));
        }
        built = List.copyOf(next);
        generation = seen;
        mark = markNow;
        loadedAt = now;
        loads.incrementAndGet();
        return built;
    }

    @PreDestroy
    void stop() {
        rebuilder.shutdownNow();
    }

    /**
     * Takes up a finished rebuild: whole when the store was not read here since the rebuild read it; otherwise each
     * query it made anew replaces the one in use, unless its watch was saved again since.
     */
    private void takeUpRebuild() {
        Rebuilt fresh = rebuilt.getAndSet(null);
        if (fresh == null) {
            return;
        }
        if (fresh.afterLoad() == loads.get()) {
            built = fresh.watches();
            return;
        }
        Map<String, Built> again = new HashMap<>();
        fresh.watches().forEach(b -> again.put(b.watchId(), b));
        List<Built> next = new ArrayList<>(built.size());
        for (Built watch : built) {
            Built other = again.get(watch.watchId());
            next.add(other != null && other.updatedAt().equals(watch.updatedAt()) ? other : watch);
        }
        built = List.copyOf(next);
    }

    /** Reads every watch and builds its query, off the matching thread. */
    private void rebuild() {
        try {
            long afterLoad = loads.get();
            Map<String, Query> entries = new HashMap<>();
            List<Built> watches = new ArrayList<>();
            for (WatchStore.StoredSearch watch : store.searches()) {
                watches.add(built(watch.id(), watch.updatedAt(), watch.search(), entries));
            }
            rebuilt.set(new Rebuilt(afterLoad, List.copyOf(watches)));
        } catch (IOException | RuntimeException e) {
            // The queries as built before stay in use; the next rebuild is asked for a minute on.
            LOG.warnf("Watches' queries not rebuilt: %s", e.toString());
        }
    }

    private Built built(String watchId, Instant updatedAt, ArticleQuery search, Map<String, Query> entries)
            throws IOException {
        Query query = matching.of(search, entries);
        return new Built(watchId, updatedAt, search, query, WatchGate.of(query, matchingIndex::tokens),
                WatchVerdict.of(query, matchingIndex::tokens));
    }
}
