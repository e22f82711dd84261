package news.wire.enrich.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;

/** The record to publish for one raw message, and which outcome it stands for. */
record RoutedArticle(ProducerRecord<String, String> record, ArticleOutcome outcome) {
}
