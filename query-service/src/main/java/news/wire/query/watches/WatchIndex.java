package news.wire.query.watches;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * Makes the Elasticsearch indices of watches at first use: {@link WatchStore#INDEX}, one document per watch
 * (its name, its filters as given and the search they were read into), {@link MatchLog#INDEX}, the matches
 * announced so far, and {@link WebhookDeliveries#INDEX}, how far each webhook got.
 */
@ApplicationScoped
public class WatchIndex {

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
        create(WatchStore.INDEX, "/elasticsearch/watches-index.json");
        create(MatchLog.INDEX, "/elasticsearch/watch-matches-index.json");
        create(WebhookDeliveries.INDEX, "/elasticsearch/watch-deliveries-index.json");
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
