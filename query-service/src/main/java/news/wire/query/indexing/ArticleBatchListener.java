package news.wire.query.indexing;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Called by the indexer with each batch of enriched articles (as Jackson ObjectNode documents ready to index)
 * before the bulk request; may set {@code storyId}.
 *
 * <p>Runs on the indexer thread; tombstones are not passed. Returning the same list (changed in place) is fine.
 * Throwing fails the whole batch: nothing is written or committed, and the batch is read again after a backoff,
 * as when Elasticsearch is away. The documents carry the enriched record plus the indexer's derived fields
 * ({@code entities[].mentionCount}, {@code dates[].range}).
 */
public interface ArticleBatchListener {

    List<ObjectNode> beforeIndexing(List<ObjectNode> articles) throws Exception;

    /**
     * Called after every {@link #beforeIndexing} call that returned, once the bulk request it preceded has been
     * answered, or has failed, or was never sent; what it throws is logged and does not fail the batch.
     */
    default void batchWritten() throws Exception {
    }
}
