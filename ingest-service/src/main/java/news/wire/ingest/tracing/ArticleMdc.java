package news.wire.ingest.tracing;

import java.util.UUID;

import org.jboss.logging.MDC;

/**
 * Puts an article's id in the logging MDC (key {@value #KEY}) until closed, so every line written meanwhile names
 * the article; the trace id beside it comes from the current span, which Quarkus puts in the MDC itself.
 */
public final class ArticleMdc implements AutoCloseable {

    public static final String KEY = "articleId";

    private final Object previous;

    private ArticleMdc(Object previous) {
        this.previous = previous;
    }

    public static ArticleMdc put(UUID articleId) {
        Object previous = MDC.get(KEY);
        MDC.put(KEY, String.valueOf(articleId));
        return new ArticleMdc(previous);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
