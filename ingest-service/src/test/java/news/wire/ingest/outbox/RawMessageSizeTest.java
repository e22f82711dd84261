package news.wire.ingest.outbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RawMessageSizeTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theDefaultsLeaveRoomForTheLargestArticleIntakeAccepts() {
        assertDoesNotThrow(() -> RawMessageSize.requireFits(2 * MIB, 16 * MIB));
        assertTrue(RawMessageSize.largestMessage(2 * MIB) <= 16 * MIB);
    }

    @Test
    void anArticleLimitTheMessageLimitCannotCarryStopsStartupNamingBothSettings() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RawMessageSize.requireFits(8 * MIB, 16 * MIB));
        assertTrue(e.getMessage().contains("ingest.limits.max-article-size"), e.getMessage());
        assertTrue(e.getMessage().contains("ingest.topic.max-message-size"), e.getMessage());
        // Kafka's own default would not even take a 1 MB article.
        assertThrows(IllegalStateException.class, () -> RawMessageSize.requireFits(MIB, 1_048_576));
    }

    @Test
    void theLimitsItSuggestsAreEnough() {
        long message = 16 * MIB;
        long article = (message - RawMessageSize.ENVELOPE) / RawMessageSize.GROWTH;
        assertDoesNotThrow(() -> RawMessageSize.requireFits(article, message));
        assertThrows(IllegalStateException.class, () -> RawMessageSize.requireFits(article + 1, message));
    }

    @Test
    void aMessageLimitBeyondKafkasIntSettingsIsRefused() {
        assertThrows(IllegalStateException.class, () -> RawMessageSize.requireFits(2 * MIB, 4L * 1024 * MIB));
    }
}
