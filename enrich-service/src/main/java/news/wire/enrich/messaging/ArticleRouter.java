package news.wire.enrich.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.enrichment.ArticleEnricher;
import news.wire.enrich.enrichment.EnrichedArticle;
import news.wire.enrich.enrichment.RawArticle;
import news.wire.enrich.kafka.RecordTracing;
import news.wire.enrich.languages.LanguageDetection;

/**
 * Decides what one raw message becomes: an enriched article, a passed-through tombstone, or a dead letter.
 * Never throws for a bad message, so one poison article cannot hold up its partition.
 */
@ApplicationScoped
public class ArticleRouter {

    private static final Logger LOG = Logger.getLogger(ArticleRouter.class);

    private final ArticleEnricher enricher;
    private final ObjectMapper json;
    private final EnrichConfig.Topics topics;
    private final RecordTracing tracing;

    public ArticleRouter(ArticleEnricher enricher, ObjectMapper json, EnrichConfig config, RecordTracing tracing) {
        this.enricher = enricher;
        this.tracing = tracing;
        this.json = json;
        this.topics = config.topics();
    }

    /**
     * Routes one message inside its span of the article's trace; whatever it becomes carries that span's context.
     * Its log line is written when the output is produced, not when the batch commits: a redone batch logs again.
     *
     * @param maxMessageBytes the largest record the producer and the output topics take
     */
    RoutedArticle route(ConsumerRecord<String, String> raw, long maxMessageBytes) {
        try (RecordTracing.ProcessingSpan span = tracing.process(raw)) {
            RoutedArticle routed = decide(raw, span);
            span.propagateTo(routed.record().headers());
            return fitted(raw, routed, maxMessageBytes, span);
        }
    }

    /**
     * The routed record if Kafka will take it, else a dead letter. The output of a batch is written in one transaction,
     * and a record the producer or broker refuses (RecordTooLargeException) fails the whole transaction: the batch is
     * aborted and redone, refused again, and so on for ever, with every later article of the partition stuck behind
     * it. An enriched article is larger than its raw one (the mentions with their offsets and text come on top of the
     * body), so a long article that arrived fine can still be too large to pass on; it is parked for a person instead.
     */
    private RoutedArticle fitted(ConsumerRecord<String, String> raw, RoutedArticle routed, long maxMessageBytes,
                                 RecordTracing.ProcessingSpan span) {
        long size = MessageSize.upperBound(routed.record());
        if (size <= maxMessageBytes) {
            return routed;
        }
        RecordTooLargeException reason = new RecordTooLargeException("The " + routed.outcome().tag()
                + " record would take " + size + " bytes, more than the " + maxMessageBytes + " Kafka takes here "
                + "(max.message.bytes of " + topics.enriched() + " and " + topics.deadLetter()
                + ", declared in deploy/topics.properties)");
        ProducerRecord<String, String> dead = deadLetter(raw, reason, span);
        span.propagateTo(dead.headers());
        if (MessageSize.upperBound(dead) > maxMessageBytes) {
            // Even the raw article with the reason is too large (articles.raw takes more than the output topics):
            // park the reason and where to find the article in articles.raw, without the article.
            dead = new ProducerRecord<>(topics.deadLetter(), null, raw.key(), null, dead.headers());
            header(dead, "error.value-dropped", "true");
        }
        return new RoutedArticle(dead, ArticleOutcome.DEAD_LETTERED);
    }

    private RoutedArticle decide(ConsumerRecord<String, String> raw, RecordTracing.ProcessingSpan span) {
        if (raw.value() == null) {
            // A withdrawal: downstream must delete the article too.
            LOG.info("Withdrawal passed on");
            return new RoutedArticle(new ProducerRecord<>(topics.enriched(), raw.key(), null), ArticleOutcome.TOMBSTONE);
        }
        try {
            RawArticle article = json.readValue(raw.value(), RawArticle.class);
            EnrichedArticle enriched = enricher.enrich(article);
            String value = json.writeValueAsString(enriched);
            String untagged = enriched.enricher().untagged() == null ? null : language(enriched);
            if (untagged == null) {
                LOG.infof("Enriched: version %d, %d entities, %d numbers, %d dates", enriched.version(),
                        enriched.entities().size(), enriched.numbers().size(), enriched.dates().size());
            } else {
                LOG.infof("Enriched without tags: version %d, %s", enriched.version(), enriched.enricher().untagged());
            }
            return new RoutedArticle(new ProducerRecord<>(topics.enriched(), raw.key(), value), ArticleOutcome.ENRICHED,
                    untagged);
        } catch (JsonProcessingException | RuntimeException e) {
            return new RoutedArticle(deadLetter(raw, e, span), ArticleOutcome.DEAD_LETTERED);
        }
    }

    /** The language an untagged article was taken to be in: the detected one, else the declared one. */
    private static String language(EnrichedArticle enriched) {
        return enriched.detectedLanguage() != null ? enriched.detectedLanguage()
                : LanguageDetection.declaredLanguage(enriched.language());
    }

    /** The raw message with why it failed, for articles.dlq; the span is marked failed and the reason logged. */
    private ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> raw, Exception reason,
                                                      RecordTracing.ProcessingSpan span) {
        span.failed(reason);
        LOG.warnf("Dead-lettering %s-%d@%d: %s", raw.topic(), raw.partition(), raw.offset(), reason.getMessage());
        ProducerRecord<String, String> dead = new ProducerRecord<>(topics.deadLetter(), raw.key(), raw.value());
        header(dead, "error.class", reason.getClass().getName());
        header(dead, "error.message", String.valueOf(reason.getMessage()));
        header(dead, "source.topic", raw.topic());
        header(dead, "source.partition", Integer.toString(raw.partition()));
        header(dead, "source.offset", Long.toString(raw.offset()));
        return dead;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
