package news.wire.query.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import news.wire.testkit.SpanRecorder;

/** Adds the test kit's span recorder to the application's span processors, so tests can read the spans it ends. */
public class RecordedSpans {

    @Produces
    @Singleton
    SpanRecorder spanRecorder() {
        return new SpanRecorder();
    }
}
