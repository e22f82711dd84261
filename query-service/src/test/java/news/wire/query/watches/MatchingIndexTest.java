package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.query.indexing.ArticleIndex;
import news.wire.testkit.SharedCopy;

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

    /**
     * The terms made in this process ({@link ArticleTerms}) are the tokens the working copy's analyzer gives, on
     * written cases (possessives, accents, hyphens, figures, addresses, curly quotes) and on real wire copy: the seeds
     * and every 20th BBC article when ../shared is there.
     */
    @Test
    void termsMadeHereAreTheTokensElasticsearchMakes() throws IOException {
        articles.createWorkingCopy(MatchingIndex.INDEX);
        ArticleTerms terms = ArticleTerms.of(ArticleIndex.templateJson());
        List<String> texts = new ArrayList<>(List.of(
                "The Ministry's officials said the ministers' talks in São Paulo ended at 3:45 p.m.",
                "U.S.-led forces took 1,250 prisoners; 3.5% of them were released on Jan. 12th, 2026.",
                "\u201cWe won\u2019t stop,\u201d said O'Neill \u2014 CEO of Rolls-Royce plc (RR.L) \u2026",
                "E-mail press@example.org or visit https://www.example.org/news?id=7 for £5 or €7.50.",
                "Crème brûlée and naïve façades: Zürich, Kraków, Malmö, Æsir, Øresund, straße."));
        SharedCopy.folder("seeds").ifPresent(folder -> SharedCopy.textFiles(folder)
                .forEach(file -> texts.addAll(List.of(SharedCopy.headlineAndBody(file)))));
        SharedCopy.folder("corpora/bbc_news/bbc").ifPresent(folder -> {
            List<Path> files = SharedCopy.textFiles(folder);
            for (int i = 0; i < files.size(); i += 20) {
                texts.addAll(List.of(SharedCopy.headlineAndBody(files.get(i))));
            }
        });
        int compared = 0;
        for (String field : List.of("headline", "body")) {
            assertTrue(terms.reads(field), field);
            for (String text : texts) {
                if (!ArticleTerms.readsAlike(text)) {
                    continue;
                }
                List<String> expected = elasticsearch.indices().analyze(a -> a.index(MatchingIndex.INDEX).field(field)
                        .text(text)).tokens().stream().map(AnalyzeToken::token).toList();
                assertEquals(expected, terms.tokensOf(field, text), field + ": " + text);
                compared++;
            }
        }
        assertTrue(compared >= 10, "compared " + compared);
    }

    /** A batch whose middle article is Greek: that one's terms come from Elasticsearch, each in its own place. */
    @Test
    void termsOfABatchKeepEachArticlesPlaceWhicheverSideMadeThem() throws IOException {
        MatchingIndex index = new MatchingIndex(elasticsearch, articles);
        List<ObjectNode> batch = List.of(article("a", "Dockers striking"), article("b", "Απεργία στο λιμάνι"),
                article("c", "Harvest falls"));
        List<Map<String, Set<String>>> terms = index.termsOf(batch, Set.of("headline"));
        assertEquals(Set.of("docker", "strike"), terms.get(0).get("headline"));
        assertEquals(Set.of(elasticsearch.indices().analyze(a -> a.index(MatchingIndex.INDEX).field("headline")
                .text("Απεργία στο λιμάνι")).tokens().stream().map(AnalyzeToken::token).toArray(String[]::new)),
                terms.get(1).get("headline"));
        assertEquals(Set.of("harvest", "fall"), terms.get(2).get("headline"));
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
