package news.wire.query.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Ends each article's trace in query-service: a CONSUMER span per record of a bulk write, child of the context in
 * the record's headers (enrich-service's span), ended when Elasticsearch answers for that article. The spans are
 * never made current while the batch is written (hundreds share one bulk request), only briefly for each article's
 * log line, so that line carries the trace id beside the article id.
 */
@ApplicationScoped
public class IndexingTracing {

    /** MDC key of the article a log line is about; Quarkus puts the current span's traceId and spanId beside it. */
    public static final String ARTICLE_ID = "articleId";

    private static final Logger LOG = Logger.getLogger(IndexingTracing.class);

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public IndexingTracing(Tracer tracer, OpenTelemetry openTelemetry) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts one span per record of a bulk write, in the records' order. */
    public BulkSpans start(List<ConsumerRecord<String, String>> records) {
        // In the records' order; ConsumerRecord has no equals of its own, so each record is its own key.
        Map<ConsumerRecord<String, String>, Span> spans = new LinkedHashMap<>(records.size() * 2);
        for (ConsumerRecord<String, String> record : records) {
            Context parent = propagator.extract(Context.root(), record.headers(), KafkaHeaderGetter.INSTANCE);
            spans.put(record, tracer.spanBuilder("process " + record.topic())
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                    .setAttribute("messaging.kafka.offset", record.offset())
                    .setAttribute("messaging.kafka.message.key", record.key())
                    .setAttribute("messaging.kafka.message.tombstone", record.value() == null)
                    .startSpan());
        }
        return new BulkSpans(spans);
    }

    /**
     * Elasticsearch's answer for one article as the indexer reads it: the HTTP status, the line that ends the
     * article's trace here, and why the article was refused for good (null when it was not).
     */
    public record Answer(int status, String line, String failure) {
    }

    /**
     * The spans of one bulk write. Records the indexer skips are ended at once; the others, in order, match the bulk
     * response's items one to one. Closing ends whatever is still open as not written (the batch failed and will be
     * read again, under new spans).
     */
    public static final class BulkSpans implements AutoCloseable {

        private final Map<ConsumerRecord<String, String>, Span> spans;

        private BulkSpans(Map<ConsumerRecord<String, String>, Span> spans) {
            this.spans = spans;
        }

        /** The indexer could not use this record (no key, or not a JSON object): it is never written. */
        public void skipped(ConsumerRecord<String, String> record) {
            Span span = spans.remove(record);
            if (span != null) {
                span.setStatus(StatusCode.ERROR, "unusable record, skipped");
                span.end();
            }
        }

        /** Elasticsearch wrote the bulk request: each written record's span ends with the indexer's reading of it. */
        public void acknowledged(List<Answer> answers) {
            List<ConsumerRecord<String, String>> written = List.copyOf(spans.keySet());
            if (written.size() != answers.size()) {
                // Not expected: then no answer can be attributed with certainty, and close() ends the spans.
                LOG.debugf("Bulk answer has %d items for %d records; spans not attributed", answers.size(),
                        written.size());
                return;
            }
            for (int i = 0; i < answers.size(); i++) {
                ConsumerRecord<String, String> record = written.get(i);
                end(record, spans.remove(record), answers.get(i));
            }
        }

        private static void end(ConsumerRecord<String, String> record, Span span, Answer answer) {
            span.setAttribute("elasticsearch.status", answer.status());
            if (answer.failure() != null) {
                span.setStatus(StatusCode.ERROR, answer.failure());
            }
            try (Scope scope = span.makeCurrent()) {
                MDC.put(ARTICLE_ID, record.key());
                LOG.info(answer.line());
            } finally {
                MDC.remove(ARTICLE_ID);
                span.end();
            }
        }

        @Override
        public void close() {
            for (Span span : spans.values()) {
                span.setStatus(StatusCode.ERROR, "batch not written; it will be read again");
                span.end();
            }
            spans.clear();
        }
    }

    /** Reads propagation fields from Kafka record headers (UTF-8). */
    private enum KafkaHeaderGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
