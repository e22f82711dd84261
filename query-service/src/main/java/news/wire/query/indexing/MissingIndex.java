package news.wire.query.indexing;

import java.io.IOException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/** Reads of an index that does not exist yet (nothing indexed so far): they find nothing rather than fail. */
public final class MissingIndex {

    private MissingIndex() {
    }

    /** An Elasticsearch call. */
    public interface Call<T> {
        T call() throws IOException;
    }

    /** The call's answer, or null when Elasticsearch answered 404: its index is not there (yet). */
    public static <T> T orNull(Call<T> call) throws IOException {
        try {
            return call.call();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
