package news.wire.ingest.outbox;

import java.util.UUID;

/** Fired when an outbox row is written; observed after commit to wake the relay without waiting for its poll. */
public record OutboxAppended(UUID articleId) {
}
