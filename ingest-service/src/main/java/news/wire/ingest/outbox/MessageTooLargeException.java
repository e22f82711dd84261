package news.wire.ingest.outbox;

/** An article whose message Kafka would not take: queuing it would hold up every row after it, so it is refused. */
public class MessageTooLargeException extends RuntimeException {

    public MessageTooLargeException(String message) {
        super(message);
    }
}
