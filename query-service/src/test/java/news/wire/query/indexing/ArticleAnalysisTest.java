package news.wire.query.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The index template's analyzers, run by the real node through the _analyze API on the index they were created on.
 * Here the server's own {@code stop} and our plugin's {@code stemmer}, {@code lowercase}, {@code asciifolding} and
 * {@code porter_stem} do the work, standing in for analysis-common with the same Lucene filters it would use on the
 * official image.
 */
@QuarkusTest
class ArticleAnalysisTest {

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ArticleIndex index;

    /** The index as the indexer creates it, with its shard started: _analyze on an index needs one. */
    @BeforeEach
    void indexIsUp() throws IOException {
        index.ensureExists();
        elasticsearch.cluster().health(h -> h.index(ArticleIndex.INDEX).waitForStatus(HealthStatus.Yellow)
                .timeout(t -> t.time("30s")));
    }

    private List<String> tokens(String analyzer, String text) throws IOException {
        return elasticsearch.indices().analyze(a -> a.index(ArticleIndex.INDEX).analyzer(analyzer).text(text))
                .tokens().stream().map(AnalyzeToken::token).toList();
    }

    @Test
    void englishDropsPossessivesAndStopWordsAndStems() throws IOException {
        assertEquals(List.of("harbour", "docker"), tokens("article_english", "The harbour's dockers"));
        // Possessive before lower case (as Lucene's EnglishAnalyzer orders them), so a capital 'S is dropped too.
        assertEquals(List.of("union", "strike", "pai"), tokens("article_english", "THE UNION'S STRIKES FOR PAY"));
        assertEquals(List.of("zurich", "dock", "reopen"), tokens("article_english", "Zürich's docks are reopening"));
    }

    @Test
    void exactFoldsAccentsAndCaseButKeepsEveryWordAsWritten() throws IOException {
        assertEquals(List.of("zurich"), tokens("article_exact", "Zürich"));
        assertEquals(List.of("the", "harbour's", "dockers", "sao", "paulo"),
                tokens("article_exact", "The harbour's Dockers, São Paulo"));
    }

    /** auto_expand_replicas 0-1: no replica a single node could never place, so this node's index is green. */
    @Test
    void oneNodeKeepsTheIndexGreen() throws IOException {
        var settings = elasticsearch.indices().getSettings(s -> s.index(ArticleIndex.INDEX))
                .get(ArticleIndex.INDEX).settings().index();
        assertEquals("0-1", settings.autoExpandReplicas());
        assertEquals("0", settings.numberOfReplicas());
        assertEquals(HealthStatus.Green, elasticsearch.cluster()
                .health(h -> h.index(ArticleIndex.INDEX).waitForStatus(HealthStatus.Green).timeout(t -> t.time("30s")))
                .status());
    }

    /**
     * Our stand-in for analysis-common has only the stemmer languages the template uses; any other is refused when
     * an index is created, rather than analysed differently here than on the official image.
     */
    @Test
    void aStemmerLanguageTheStandInLacksIsRefused() {
        String probe = "analysis-probe-" + UUID.randomUUID().toString().substring(0, 8);
        ElasticsearchException refused = assertThrows(ElasticsearchException.class, () -> elasticsearch.indices()
                .create(c -> c.index(probe).withJson(new StringReader("""
                        {"settings": {"analysis": {"filter": {"german": {"type": "stemmer", "language": "light_german"}}}}}
                        """))));
        assertEquals(400, refused.status());
        StringBuilder reasons = new StringBuilder();
        for (ErrorCause cause = refused.error(); cause != null; cause = cause.causedBy()) {
            reasons.append(cause.reason()).append('\n');
        }
        String reason = reasons.toString().toLowerCase(Locale.ROOT);
        assertTrue(reason.contains("light_german") && reason.contains("wire-analysis"), reason);
    }
}
