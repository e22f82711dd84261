package news.wire.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an NDJSON body one line at a time, never holding more than one line (up to the size limit) in memory.
 * A line over the limit is skipped to its end and reported as oversized instead of being read.
 */
final class NdjsonLines {

    /** One non-blank line: its 1-based number in the body, and its bytes (null when over the limit). */
    record Line(long number, byte[] content) {
        boolean oversized() {
            return content == null;
        }
    }

    private final InputStream in;
    private final long limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private long number;

    NdjsonLines(InputStream in, long limit) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64 * 1024);
        this.limit = limit;
    }

    /** The next non-blank line, or null at the end of the body. */
    Line next() throws IOException {
        while (true) {
            buffer.reset();
            boolean oversized = false;
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (buffer.size() >= limit) {
                    oversized = true;
                } else {
                    buffer.write(b);
                }
            }
            if (b == -1 && buffer.size() == 0 && !oversized) {
                return null;
            }
            number++;
            if (oversized) {
                return new Line(number, null);
            }
            byte[] content = buffer.toByteArray();
            if (!isBlank(content)) {
                return new Line(number, content);
            }
            if (b == -1) {
                return null;
            }
        }
    }

    private static boolean isBlank(byte[] content) {
        for (byte c : content) {
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
