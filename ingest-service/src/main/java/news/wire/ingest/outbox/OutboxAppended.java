package news.wire.ingest.outbox;

/** Fired when an outbox row is written; observed after commit to wake the relay without waiting for its poll. */
public record OutboxAppended(long articleCount) {
}
