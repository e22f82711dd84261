package news.wire.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Records what one logger category of the application under test logs, with the MDC of each line as the console
 * formatter would see it. Attach it after the application started, and close it at the end of the test.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One log line: its level, formatted message and MDC. */
    public record Line(String level, String message, Map<String, String> mdc) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    /** Starts recording the category (and the categories below it). */
    public static LogCapture of(String category) {
        LogCapture capture = new LogCapture(Logger.getLogger(category));
        capture.logger.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            // Copied now, on the logging thread: the MDC is that thread's (or its Vert.x context's) at this moment.
            lines.add(new Line(ext.getLevel().getName(), ext.getFormattedMessage(), Map.copyOf(ext.getMdcCopy())));
        }
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Requires a line that starts with this text and whose MDC names the article and the trace. */
    public void requireArticleLine(String start, String articleId, String traceId) {
        boolean found = lines.stream().anyMatch(line -> line.message().startsWith(start)
                && articleId.equals(line.mdc().get("articleId")) && traceId.equals(line.mdc().get("traceId")));
        if (!found) {
            throw new AssertionError("no line '" + start + "…' with article " + articleId + " and trace " + traceId
                    + " in " + lines);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
