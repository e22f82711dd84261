package news.wire.query.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;

/**
 * The Elasticsearch index behind the {@code articles} alias. Readers use the alias only; the mapping lives in a
 * composable index template for {@code articles-*}, so a new mapping is a new {@code articles-vN} index. The
 * indexer's consumer group is named after the index version, so a new index is filled by replaying
 * articles.enriched from its beginning, while the old index can be deleted by hand once the alias has moved.
 */
@ApplicationScoped
public class ArticleIndex {

    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);

    /** What every read addresses. */
    public static final String ALIAS = "articles";
    /** The concrete index of the current mapping (src/main/resources/elasticsearch/articles-template.json). */
    public static final String INDEX = "articles-v4";
    static final String TEMPLATE = "articles";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public ArticleIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Puts the template, creates the current index and points the alias at it, moving it off an older index
     * (articles-v2 or earlier of older deployments) in one atomic alias update. Cheap after the first success.
     */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        try (InputStream template = getClass().getResourceAsStream("/elasticsearch/articles-template.json")) {
            client.indices().putIndexTemplate(t -> t.name(TEMPLATE).withJson(template));
        }
        if (!client.indices().exists(e -> e.index(INDEX)).value()) {
            try {
                client.indices().create(c -> c.index(INDEX));
            } catch (ElasticsearchException e) {
                // Another instance created it first: that is the state we wanted.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        Set<String> current = aliasedIndices();
        if (!current.equals(Set.of(INDEX))) {
            client.indices().updateAliases(u -> {
                current.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(ALIAS))));
                return u.actions(a -> a.add(r -> r.index(INDEX).alias(ALIAS)));
            });
            if (!current.isEmpty()) {
                LOG.infof("Alias %s moved from %s to %s; the new index fills as articles.enriched is replayed",
                        ALIAS, current, INDEX);
            }
        }
        ready = true;
    }

    private Set<String> aliasedIndices() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            return Set.of();
        }
        Map<String, IndexAliases> indices = client.indices().getAlias(a -> a.name(ALIAS)).aliases();
        return indices.keySet();
    }
}
