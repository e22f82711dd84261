package news.wire.query.indexing;

/** Elasticsearch refused part of a batch for a passing reason (overload, shard unavailable): retry it whole. */
public class RetryableIndexingException extends RuntimeException {

    public RetryableIndexingException(String message) {
        super(message);
    }
}
