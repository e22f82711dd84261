package news.wire.ingest.feeds;

import java.io.IOException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * A response body read into memory up to a limit, then abandoned: a runaway or hostile feed costs us at most the
 * limit, never the heap. A declared Content-Length over the limit is refused before anything is read.
 */
final class CappedBody {

    private CappedBody() {
    }

    /** The whole body, or a {@link TooLarge} failure once it passes the limit (the connection is then reset). */
    static Future<byte[]> read(HttpClientResponse response, long limit) {
        Promise<byte[]> body = Promise.promise();
        // Before any reset: a reset reports to this handler, and without one Vert.x logs it as an error.
        response.exceptionHandler(body::tryFail);
        if (declaredLength(response) > limit) {
            body.tryFail(new TooLarge(limit));
            response.request().reset();
            return body.future();
        }
        Buffer received = Buffer.buffer();
        response.handler(chunk -> {
            if (body.future().isComplete()) {
                return;
            }
            if (received.length() + (long) chunk.length() > limit) {
                body.tryFail(new TooLarge(limit));
                response.request().reset();
                return;
            }
            received.appendBuffer(chunk);
        });
        response.endHandler(end -> body.tryComplete(received.getBytes()));
        return body.future();
    }

    private static long declaredLength(HttpClientResponse response) {
        String declared = response.getHeader("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body is, or says it is, larger than the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The feed is larger than the limit of " + limit + " bytes (ingest.feeds.max-feed-size)");
        }
    }
}
