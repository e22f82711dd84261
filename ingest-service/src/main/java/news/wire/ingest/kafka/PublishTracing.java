package news.wire.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import news.wire.ingest.tracing.StoredTrace;

/**
 * Sends outbox messages as part of the trace that wrote them: each send is a PRODUCER span, child of the stored
 * context, and that span's context goes out in the record's headers for enrich-service to continue.
 */
@ApplicationScoped
public class PublishTracing {

    /** Writes propagation fields as UTF-8 record headers, replacing any of the same name. */
    private static final TextMapSetter<Headers> HEADERS = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public PublishTracing(Tracer tracer, OpenTelemetry openTelemetry) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Sends the record; its span ends when Kafka acknowledges or refuses it. A row without a stored context (written
     * before tracing, or outside any request) starts a trace of its own, so downstream still has one to follow.
     */
    public Future<RecordMetadata> send(Producer<String, String> producer, ProducerRecord<String, String> record,
                                       StoredTrace trace) {
        Span span = tracer.spanBuilder("send " + record.topic())
                .setParent(trace.context())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", record.key())
                .setAttribute("messaging.kafka.message.tombstone", record.value() == null)
                .startSpan();
        propagator.inject(Context.root().with(span), record.headers(), HEADERS);
        try {
            return producer.send(record, (metadata, error) -> {
                if (error != null) {
                    span.recordException(error);
                    span.setStatus(StatusCode.ERROR, error.getMessage());
                } else {
                    span.setAttribute("messaging.destination.partition.id", Integer.toString(metadata.partition()));
                    span.setAttribute("messaging.kafka.offset", metadata.offset());
                }
                span.end();
            });
        } catch (RuntimeException e) {
            // Refused before it was queued (no metadata within max.block.ms, say): the callback will never run.
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            span.end();
            throw e;
        }
    }
}
