package news.wire.ingest.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import news.wire.ingest.config.IngestConfig;

/**
 * Refuses to start unless every article intake may accept fits one Kafka message. The relay publishes the outbox in
 * order, so a message the producer or the broker refuses would be retried for ever with every later article behind
 * it: the whole pipeline would stop for one long article. Failing at startup names the two settings instead.
 *
 * <p>An article of {@code n} bytes as submitted (ingest.limits.max-article-size; for a feed entry, its headline,
 * body and byline in UTF-8) becomes at most {@code 4n} bytes of JSON. No input byte yields more than four: one byte
 * of a single-byte charset (windows-1252 quotes, say) decodes to a character of up to three bytes in UTF-8; the
 * characters JSON escapes and an article may hold ({@code "}, {@code \}, tab, line breaks) take two bytes, and a
 * line break that ends a paragraph becomes a blank line, {@code \n\n}, four; markup and entities only ever shrink.
 * The rest of the record (ids, times, short fields bounded by their columns, trace headers, Kafka's record and batch
 * framing) fits in {@link #ENVELOPE}. ArticleOutbox measures each message as well, so a reader that broke this
 * bound would have an article refused at intake, never stuck in the outbox.
 */
@ApplicationScoped
public class RawMessageSize {

    /** Everything in a raw article's record besides its text, with room to spare. */
    static final long ENVELOPE = 64 * 1024;
    /** Most bytes of message JSON one byte of a submitted article can become. */
    static final int GROWTH = 4;

    private final long maxArticleBytes;
    private final long maxMessageBytes;

    public RawMessageSize(IngestConfig config) {
        this.maxArticleBytes = config.limits().maxArticleSize().asLongValue();
        this.maxMessageBytes = config.topic().maxMessageSize().asLongValue();
    }

    void verify(@Observes StartupEvent event) {
        requireFits(maxArticleBytes, maxMessageBytes);
    }

    /** The largest message an article of {@code maxArticleBytes} can become. */
    static long largestMessage(long maxArticleBytes) {
        return GROWTH * maxArticleBytes + ENVELOPE;
    }

    /**
     * @throws IllegalStateException when an accepted article could make a message larger than Kafka is allowed to
     *         carry, or the message limit is beyond what Kafka's int settings can hold
     */
    static void requireFits(long maxArticleBytes, long maxMessageBytes) {
        if (maxMessageBytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("ingest.topic.max-message-size is " + maxMessageBytes
                    + " bytes; Kafka's max.request.size and max.message.bytes stop at " + Integer.MAX_VALUE);
        }
        long largest = largestMessage(maxArticleBytes);
        if (largest > maxMessageBytes) {
            throw new IllegalStateException("ingest.limits.max-article-size (" + maxArticleBytes + " bytes) admits "
                    + "articles whose message could take " + largest + " bytes, more than ingest.topic.max-message-size ("
                    + maxMessageBytes + " bytes): such an article would be accepted but never published, and would "
                    + "hold up every article after it. Lower max-article-size to at most "
                    + Math.max(0, (maxMessageBytes - ENVELOPE) / GROWTH) + " bytes or raise max-message-size to at least "
                    + largest + " (and articles.raw's max.message.bytes in deploy/topics.properties with it).");
        }
    }
}
