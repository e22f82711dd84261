package news.wire.ingest.api;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, so an oversized article is refused without being held in memory. */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new TooLargeException("The article is larger than the limit of " + limit + " bytes");
        }
        return bytes;
    }
}
