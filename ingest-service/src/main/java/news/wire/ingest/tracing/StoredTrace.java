package news.wire.ingest.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A trace context kept in PostgreSQL with an outbox row, as W3C {@code traceparent} and {@code tracestate}: the
 * relay publishes the row later, on another thread, and this is how its message stays in the request's trace.
 * Both are null for rows written outside any span (or before tracing existed).
 */
public record StoredTrace(String traceparent, String tracestate) {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    /** The context of the span current on this thread (the request's, or the feed poll's), if there is one. */
    public static StoredTrace current() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return new StoredTrace(null, null);
        }
        Map<String, String> fields = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, fields, Map::put);
        return new StoredTrace(fields.get(TRACEPARENT), fields.get(TRACESTATE));
    }

    /** The stored span as a remote parent, or the root context when nothing was stored. */
    public Context context() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> fields = new HashMap<>();
        fields.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            fields.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), fields, MapGetter.INSTANCE);
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
