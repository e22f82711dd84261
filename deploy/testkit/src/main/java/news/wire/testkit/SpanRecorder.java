package news.wire.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Keeps the spans the application under test ended. It is a bean of every service under test (this jar is a bean
 * archive), which Quarkus adds to its tracer provider next to its own processors. It is a processor rather than an
 * exporter on purpose: a SpanExporter bean would take the place of Quarkus's OTLP exporter, whose default (off) the
 * tests check.
 */
@Singleton
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

    /** The span a traceparent names, once it has ended; fails the test when it has not within the time. */
    public SpanData await(TraceParent named, Duration within) {
        return await(named.traceId(), named.spanId(), within);
    }

    /** The span of this trace with this id, once it has ended; fails the test when it has not within the time. */
    public SpanData await(String traceId, String spanId, Duration within) {
        return poll(() -> ofTrace(traceId).stream().filter(span -> span.getSpanId().equals(spanId)).findFirst(),
                within, () -> "no ended span " + spanId + " in trace " + traceId + ": " + ofTrace(traceId));
    }

    /** The ended spans whose parent is the given span, once there is at least one. */
    public List<SpanData> awaitChildren(TraceParent parent, Duration within) {
        return poll(() -> Optional.of(ofTrace(parent.traceId()).stream()
                        .filter(span -> span.getParentSpanId().equals(parent.spanId())).toList())
                        .filter(children -> !children.isEmpty()),
                within, () -> "no ended child of span " + parent.spanId() + ": " + ofTrace(parent.traceId()));
    }

    private static <T> T poll(Supplier<Optional<T>> probe, Duration within, Supplier<String> failure) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for spans", e);
            }
        }
    }
}
