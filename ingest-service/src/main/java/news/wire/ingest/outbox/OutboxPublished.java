package news.wire.ingest.outbox;

import java.util.List;
import java.util.UUID;

/**
 * Kafka acknowledged the messages of these articles. Fired in the relay's transaction before it marks their rows
 * sent, so that what observers record (intake: the article is published) commits with the rows. The relay locked
 * these articles when it claimed their rows ({@link OutboxMessage#claimPending}), so observers never wait for intake,
 * which locks an article before its outbox rows.
 */
public record OutboxPublished(List<UUID> articleIds) {
}
