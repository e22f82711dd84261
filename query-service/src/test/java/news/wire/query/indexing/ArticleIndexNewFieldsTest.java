package news.wire.query.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An articles index created from the template before the provider's metadata was mapped (as articles-v4 of a running
 * deployment is) takes the new fields in place, without a new index or a replay. The indices here are named outside
 * {@code articles-*}, so the current template does not shape them.
 */
@QuarkusTest
class ArticleIndexNewFieldsTest {

    private static final List<String> NEW_FIELDS =
            List.of("byline", "versionCreated", "subjects", "people", "organisations", "places");

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ArticleIndex index;

    @Test
    void anIndexOfTheEarlierTemplateTakesTheNewFieldsAndIsSearchableBySubject() throws IOException {
        String earlier = createIndex(properties -> properties.remove(NEW_FIELDS));
        try {
            index.addNewFields(earlier);
            // Again, as at every start: the fields are all known by now, and defined as before.
            index.addNewFields(earlier);

            var properties = elasticsearch.indices().getMapping(m -> m.index(earlier)).get(earlier).mappings()
                    .properties();
            Property subjects = properties.get("subjects");
            assertTrue(subjects.isNested());
            assertTrue(subjects.nested().properties().get("code").keyword().fields().containsKey("lower"));
            assertTrue(properties.get("versionCreated").isDate());
            assertTrue(properties.get("entities").isNested(), "the earlier fields stay as they were");

            elasticsearch.index(i -> i.index(earlier).id("1").refresh(Refresh.True).withJson(new StringReader(
                    "{\"id\": \"1\", \"subjects\": [{\"code\": \"20000256\", \"name\": \"Agriculture\", \"scheme\": \"medtop\"}]}")));
            long found = elasticsearch.search(s -> s.index(earlier).query(q -> q.nested(n -> n.path("subjects")
                    .query(t -> t.term(tt -> tt.field("subjects.name.lower").value("agriculture"))))), ObjectNode.class)
                    .hits().total().value();
            assertEquals(1, found);
        } finally {
            elasticsearch.indices().delete(d -> d.index(earlier));
        }
    }

    @Test
    void aFieldTheTemplateDefinesOtherwiseIsRefusedNotIgnored() throws IOException {
        // A change that needs a new articles-vN must stop the indexer rather than leave the field unsearchable.
        String changed = createIndex(properties -> properties.putObject("subjects").put("type", "keyword"));
        try {
            assertThrows(ElasticsearchException.class, () -> index.addNewFields(changed));
        } finally {
            elasticsearch.indices().delete(d -> d.index(changed));
        }
    }

    /** An index with the template's settings and its mapping as changed by {@code change}. */
    private String createIndex(Consumer<ObjectNode> change) throws IOException {
        String name = "earlier-articles-" + UUID.randomUUID();
        ObjectNode body;
        try (InputStream template = getClass().getResourceAsStream("/elasticsearch/articles-template.json")) {
            body = (ObjectNode) json.readTree(template).get("template");
        }
        change.accept((ObjectNode) body.path("mappings").path("properties"));
        String settingsAndMappings = body.toString();
        elasticsearch.indices().create(c -> c.index(name).withJson(new StringReader(settingsAndMappings)));
        return name;
    }
}
