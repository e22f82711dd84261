package news.wire.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Keeps the spans the application under test ended. A service's tests make it a CDI bean of the application, which
 * Quarkus then adds to its tracer provider next to its own processors. It is a processor rather than an exporter on
 * purpose: a SpanExporter bean would take the place of Quarkus's OTLP exporter, whose default (off) the tests check.
 */
public class SpanRecorder implements SpanProcessor {

    /** Enough for any one test; older spans are dropped so a long test run does not hoard them. */
    private static final int KEPT = 20_000;

    private final Deque<SpanData> ended = new ArrayDeque<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        SpanData data = span.toSpanData();
        synchronized (ended) {
            if (ended.size() == KEPT) {
                ended.removeFirst();
            }
            ended.addLast(data);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** The ended spans of one trace, in the order they ended. */
    public List<SpanData> ofTrace(String traceId) {
        synchronized (ended) {
            return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
        }
    }
}
