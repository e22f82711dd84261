package news.wire.query.indexing;

/** Elasticsearch refused part of a batch for a passing reason (overload, shard unavailable): retry it whole. */
class RetryableIndexingException extends RuntimeException {

    RetryableIndexingException(String message) {
        super(message);
    }
}
