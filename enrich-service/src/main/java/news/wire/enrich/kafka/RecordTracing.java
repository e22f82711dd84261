package news.wire.enrich.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
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
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Continues an article's trace through enrichment: the work on one consumed record runs in a CONSUMER span whose
 * parent is the context in the record's headers (ingest-service's send), and the records it produces carry that
 * span's context on to the next service.
 */
@ApplicationScoped
public class RecordTracing {

    /** MDC key of the article a log line is about; Quarkus puts the current span's traceId and spanId beside it. */
    public static final String ARTICLE_ID = "articleId";

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public RecordTracing(Tracer tracer, OpenTelemetry openTelemetry) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the record's span and makes it current on this thread, with the article id (the record's key) in the
     * MDC, until the returned handle is closed. A record without trace headers starts a trace of its own.
     */
    public ProcessingSpan process(ConsumerRecord<String, String> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), KafkaHeaderCarrier.INSTANCE);
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key", record.key())
                .setAttribute("messaging.kafka.message.tombstone", record.value() == null)
                .startSpan();
        Scope scope = span.makeCurrent();
        if (record.key() != null) {
            MDC.put(ARTICLE_ID, record.key());
        }
        return new ProcessingSpan(span, scope);
    }

    /** One record's span while its work runs; closing it ends the span and clears the article from the MDC. */
    public final class ProcessingSpan implements AutoCloseable {

        private final Span span;
        private final Scope scope;

        private ProcessingSpan(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** Writes this span's context into an output record's headers, so the next service continues the trace. */
        public void propagateTo(Headers headers) {
            propagator.inject(Context.current().with(span), headers, KafkaHeaderCarrier.INSTANCE);
        }

        /** Marks the span failed: the record could not be processed (it goes to the dead-letter topic). */
        public void failed(Throwable reason) {
            span.recordException(reason);
            span.setStatus(StatusCode.ERROR, String.valueOf(reason.getMessage()));
        }

        @Override
        public void close() {
            MDC.remove(ARTICLE_ID);
            scope.close();
            span.end();
        }
    }

    /** Propagation fields as Kafka record headers (UTF-8); a written field replaces one of its name. */
    private enum KafkaHeaderCarrier implements TextMapGetter<Headers>, TextMapSetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void set(Headers headers, String key, String value) {
            if (headers == null) {
                return;
            }
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
