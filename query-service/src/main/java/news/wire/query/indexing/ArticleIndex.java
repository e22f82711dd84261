package news.wire.query.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * The Elasticsearch index behind the {@code articles} alias. Readers use the alias only; the mapping lives in a
 * composable index template for {@code articles-*}. New fields are added to the current index in place; a changed
 * field needs a new {@code articles-vN} index. The indexer's consumer group is named after the index version, so a
 * new index is filled by replaying articles.enriched from its beginning, while the old index can be deleted by hand
 * once the alias has moved.
 */
@ApplicationScoped
public class ArticleIndex {

    private static final Logger LOG = Logger.getLogger(ArticleIndex.class);

    /** What every read addresses. */
    public static final String ALIAS = "articles";
    /** The concrete index of the current mapping (src/main/resources/elasticsearch/articles-template.json). */
    public static final String INDEX = "articles-v4";
    static final String TEMPLATE = "articles";
    private static final String TEMPLATE_RESOURCE = "/elasticsearch/articles-template.json";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public ArticleIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Puts the template, creates the current index (or adds the template's new fields to it) and points the alias at
     * it, moving it off an older index (articles-v2 or earlier of older deployments) in one atomic alias update.
     * Cheap after the first success.
     */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        try (InputStream template = getClass().getResourceAsStream(TEMPLATE_RESOURCE)) {
            client.indices().putIndexTemplate(t -> t.name(TEMPLATE).withJson(template));
        }
        boolean created = false;
        if (!client.indices().exists(e -> e.index(INDEX)).value()) {
            try {
                client.indices().create(c -> c.index(INDEX));
                created = true;
            } catch (ElasticsearchException e) {
                // Another instance created it first: that is the state we wanted.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        if (!created) {
            addNewFields(INDEX);
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

    /**
     * Puts the template's fields onto an index created from an earlier template. Elasticsearch takes new fields on a
     * live index, and a known field defined as before, so adding fields needs neither a new index nor a replay of
     * articles.enriched; it refuses to change a field, which then fails here, naming it, until INDEX moves on.
     * Documents indexed before a field was mapped become searchable by it when next indexed.
     */
    void addNewFields(String index) throws IOException {
        JsonNode properties = templateJson().path("template").path("mappings").path("properties");
        client.indices().putMapping(m -> m.index(index)
                .withJson(new StringReader("{\"properties\": " + properties + "}")));
    }

    /**
     * Creates an index with the article index's analysis and mappings (this template's, so it follows INDEX), but no
     * replica and no periodic refresh: a working copy whose owner refreshes it when it needs to. Nothing when it
     * exists already.
     */
    public void createWorkingCopy(String name) throws IOException {
        if (client.indices().exists(e -> e.index(name)).value()) {
            return;
        }
        ObjectNode body = templateJson().path("template").deepCopy();
        ObjectNode settings = (ObjectNode) body.get("settings");
        settings.remove("auto_expand_replicas");
        settings.put("number_of_replicas", 0);
        settings.put("refresh_interval", "-1");
        try {
            client.indices().create(c -> c.index(name).withJson(new StringReader(body.toString())));
        } catch (ElasticsearchException e) {
            // Another instance created it first: that is the state we wanted.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** The index template as written (its settings, analysis and mappings). */
    public static JsonNode templateJson() {
        try (InputStream template = ArticleIndex.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            return new ObjectMapper().readTree(template);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TEMPLATE_RESOURCE, e);
        }
    }

    private Set<String> aliasedIndices() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            return Set.of();
        }
        return client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet();
    }
}
