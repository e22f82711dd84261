package news.wire.ingest.outbox;

import java.util.List;
import java.util.UUID;

/**
 * Kafka acknowledged the messages of these articles. Fired in the relay's transaction before it marks their rows
 * sent, so that what observers record (intake: the article is published) commits with the rows, and articles are
 * locked before outbox rows, the order intake locks them in.
 */
public record OutboxPublished(List<UUID> articleIds) {
}
