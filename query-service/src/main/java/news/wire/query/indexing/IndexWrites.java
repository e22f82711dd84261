package news.wire.query.indexing;

import jakarta.enterprise.context.ApplicationScoped;

/** When this instance's indexer last wrote to Elasticsearch, so readers can tell whether a snapshot predates it. */
@ApplicationScoped
public class IndexWrites {

    private volatile long lastWriteNanos = System.nanoTime();

    void wrote() {
        lastWriteNanos = System.nanoTime();
    }

    /** {@link System#nanoTime()} of the last bulk write Elasticsearch acknowledged (or of start-up). */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }
}
