package news.wire.enrich.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The record to publish for one raw message, which outcome it stands for, and the language of an article enriched
 * without tags because the engines do not read it (null otherwise).
 */
record RoutedArticle(ProducerRecord<String, String> record, ArticleOutcome outcome, String untaggedLanguage) {

    RoutedArticle(ProducerRecord<String, String> record, ArticleOutcome outcome) {
        this(record, outcome, null);
    }
}
