package news.wire.query.indexing;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * The Elasticsearch index behind the {@code articles} alias. Readers and writers use the alias only, so a new
 * mapping can be built in {@code articles-v2} and the alias moved once it is filled.
 */
@ApplicationScoped
public class ArticleIndex {

    /** What every read and write addresses. */
    public static final String ALIAS = "articles";
    /** The concrete index of the current mapping (src/main/resources/elasticsearch/articles-v1.json). */
    public static final String INDEX = "articles-v1";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public ArticleIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index and its alias if missing; cheap after the first success. */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/" + INDEX + ".json")) {
                client.indices().create(c -> c.index(INDEX).withJson(mapping).aliases(ALIAS, a -> a));
            } catch (ElasticsearchException e) {
                // Another instance created it first: that is the state we wanted.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ready = true;
    }
}
