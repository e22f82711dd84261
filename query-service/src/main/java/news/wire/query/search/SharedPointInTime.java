package news.wire.query.search;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.IndexWrites;

/**
 * The point in time that first pages of relevance searches share while the index stands still. Opening one per
 * search costs a round trip (and a close), a third of a fast search. A shared one is used only while it shows
 * everything this instance has indexed (opened at least one refresh interval after the last write) and is younger
 * than a second (the bound for other instances' writes); otherwise a new one replaces it. A replaced one is closed
 * once no search is reading it and no cursor names it; one a cursor names expires by its keep-alive.
 */
@ApplicationScoped
public class SharedPointInTime {

    /** How long a point in time outlives its last use: the time a reader has to ask for the next page. */
    static final String KEEP_ALIVE = "2m";
    /** The index's refresh interval (elasticsearch/articles-template.json): writes are searchable after it. */
    private static final long REFRESH_NANOS = 500_000_000L;
    private static final long MAX_AGE_NANOS = 1_000_000_000L;
    private static final Logger LOG = Logger.getLogger(SharedPointInTime.class);

    /** One point in time and who is using it. */
    public static final class Snapshot {
        private final String id;
        private final long openedAt;
        private int readers;
        private boolean named;
        private boolean replaced;

        private Snapshot(String id, long openedAt) {
            this.id = id;
            this.openedAt = openedAt;
        }

        public String id() {
            return id;
        }
    }

    private final ElasticsearchClient client;
    private final IndexWrites writes;
    private Snapshot current;

    public SharedPointInTime(ElasticsearchClient client, IndexWrites writes) {
        this.client = client;
        this.writes = writes;
    }

    /** A point in time to read a first page from; hand it back with {@link #release}. */
    Snapshot acquire() throws IOException {
        synchronized (this) {
            if (fresh(current)) {
                current.readers++;
                return current;
            }
        }
        // Opened outside the lock, so searches that can share do not wait on this round trip.
        long openedAt = System.nanoTime();
        String id = client.openPointInTime(p -> p.index(ArticleIndex.ALIAS).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        Snapshot opened = new Snapshot(id, openedAt);
        opened.readers = 1;
        Snapshot retired = null;
        synchronized (this) {
            if (current == null || current.openedAt < openedAt) {
                retired = current;
                current = opened;
                if (retired != null) {
                    retired.replaced = true;
                    retired = closable(retired) ? retired : null;
                }
            } else {
                // A newer one was installed meanwhile: this one is read once and closed after.
                opened.replaced = true;
            }
        }
        close(retired);
        return opened;
    }

    /** Gives a point in time back; {@code namedByCursor} when a cursor for the next page refers to it. */
    void release(Snapshot snapshot, boolean namedByCursor) {
        Snapshot closable = null;
        synchronized (this) {
            snapshot.readers--;
            snapshot.named |= namedByCursor;
            if (snapshot.replaced && closable(snapshot)) {
                closable = snapshot;
            }
        }
        close(closable);
    }

    /** Drops a point in time Elasticsearch no longer knows (expired, or its index replaced behind the alias). */
    void forget(Snapshot snapshot) {
        synchronized (this) {
            snapshot.readers--;
            if (current == snapshot) {
                current = null;
            }
        }
    }

    private boolean fresh(Snapshot s) {
        return s != null && System.nanoTime() - s.openedAt < MAX_AGE_NANOS
                && s.openedAt - writes.lastWriteNanos() >= REFRESH_NANOS;
    }

    private static boolean closable(Snapshot s) {
        return s.readers == 0 && !s.named;
    }

    private void close(Snapshot s) {
        if (s == null) {
            return;
        }
        try {
            client.closePointInTime(c -> c.id(s.id()));
        } catch (IOException | ElasticsearchException e) {
            // It expires by itself within the keep-alive.
            LOG.debugf("Could not close point in time: %s", e.toString());
        }
    }
}
