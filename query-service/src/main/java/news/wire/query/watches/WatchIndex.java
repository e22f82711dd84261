package news.wire.query.watches;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * The two Elasticsearch indices of watches: {@code watches-v1}, one document per watch (its name, its filters as
 * given and the search they were read into), and {@code watch-matches-v1}, the matches announced so far. Both are
 * made at first use.
 */
@ApplicationScoped
public class WatchIndex {

    /** The watches. */
    public static final String WATCHES = "watches-v1";
    /** The matches, one document per matchId. */
    public static final String MATCHES = "watch-matches-v1";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public WatchIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates both indices when absent. Cheap after the first success. */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        create(WATCHES, "/elasticsearch/watches-index.json");
        create(MATCHES, "/elasticsearch/watch-matches-index.json");
        ready = true;
    }

    private void create(String index, String resource) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return;
        }
        try (InputStream definition = getClass().getResourceAsStream(resource)) {
            client.indices().create(c -> c.index(index).withJson(definition));
        } catch (ElasticsearchException e) {
            // Another instance created it first: that is the state we wanted.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }
}
