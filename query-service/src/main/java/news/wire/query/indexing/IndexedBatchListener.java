package news.wire.query.indexing;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Told of each bulk write once Elasticsearch has taken it, before the batch's offsets are committed: the documents it
 * indexed, those it already held at that version or a newer one (a batch read again after a failure, or a replay),
 * and the ids it deleted or found gone.
 *
 * <p>Runs on a thread of its own ({@link IndexedBatchQueue}), one call at a time, while the indexer writes the next
 * batch; one call may tell of several batches written meanwhile (no article in two of them). Throwing leaves the
 * offsets uncommitted: the batch is read again after a backoff and the listener is told again, with the documents
 * then among {@code held}, so it must be idempotent.
 */
public interface IndexedBatchListener {

    void afterIndexing(List<ObjectNode> indexed, List<ObjectNode> held, List<String> withdrawn) throws Exception;
}
