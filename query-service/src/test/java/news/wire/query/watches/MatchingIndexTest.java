package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.query.indexing.ArticleIndex;

/**
 * The working copy watches are matched in holds each instance's last batch only, searchable at once and analysed as
 * the article index analyses (a word stemmed the same way), and one instance's batch never removes another's.
 * Instances of its own, beside the one the indexer uses, each with ids of its own.
 */
@QuarkusTest
class MatchingIndexTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ArticleIndex articles;

    @Test
    void holdsTheLastBatchOfEachInstanceAnalysedAsArticlesAre() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MatchingIndex one = new MatchingIndex(elasticsearch, articles);
        MatchingIndex other = new MatchingIndex(elasticsearch, articles);

        one.hold(List.of(article(run + "-a", "Dockers striking at the port"), article(run + "-b", "Harvest falls")));
        other.hold(List.of(article(run + "-c", "Strikes spread to the mills")));
        assertEquals(Set.of(one.idOf(run + "-a")), found(one, List.of(run + "-a", run + "-b"), "strike"),
                "the headline's 'striking' found by 'strike', as in the article index");
        assertEquals(Set.of(other.idOf(run + "-c")), found(other, List.of(run + "-c"), "strike"));

        one.hold(List.of(article(run + "-d", "Strike ends at the port")));
        assertEquals(Set.of(one.idOf(run + "-d")), found(one, List.of(run + "-a", run + "-b", run + "-d"), "port"),
                "the batch before is gone");
        assertEquals(Set.of(other.idOf(run + "-c")), found(other, List.of(run + "-c"), "strike"),
                "another instance's batch stays");
    }

    private ObjectNode article(String id, String headline) {
        return json.createObjectNode().put("id", id).put("version", 1).put("headline", headline)
                .put("body", "Wire copy.").put("source", "Test Wire").put("publishedAt", "2026-12-01T08:00:00Z");
    }

    private Set<String> found(MatchingIndex index, List<String> articleIds, String word) throws IOException {
        List<String> ids = articleIds.stream().map(index::idOf).toList();
        Query query = Query.of(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(ids)))
                .filter(f -> f.match(m -> m.field("headline").query(word)))));
        return elasticsearch.search(s -> s.index(MatchingIndex.INDEX).query(query).size(10), Void.class)
                .hits().hits().stream().map(h -> h.id()).collect(Collectors.toSet());
    }
}
