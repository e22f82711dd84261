package news.wire.query.watches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.indexing.ArticleIndex;

/**
 * The article template's text analysis made in process: read from the template (its own analyzer per field), left to
 * Elasticsearch where a part or a character could read otherwise. Equality with Elasticsearch on real copy is
 * {@link MatchingIndexTest}'s.
 */
class ArticleTermsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheTemplatesTextFieldsWithTheirAnalyzer() {
        ArticleTerms terms = ArticleTerms.of(ArticleIndex.templateJson());
        assertTrue(terms.reads("headline"));
        assertTrue(terms.reads("body"));
        assertFalse(terms.reads("source"), "a keyword field is not analysed");
        assertEquals(List.of("minist", "talk", "run", "sao", "paulo"),
                terms.tokensOf("body", "The minister's talks are running in São Paulo"),
                "possessive off, lowered, folded, stop words out, stemmed");
        assertEquals(Set.of("talk"), terms.termsOf("headline", "Talks, talks and talk"));
    }

    @Test
    void leavesAnalyzersWithPartsItDoesNotKnowToElasticsearch() {
        ObjectNode template = (ObjectNode) ArticleIndex.templateJson().deepCopy();
        ObjectNode analysis = (ObjectNode) template.path("template").path("settings").path("analysis");
        ((ObjectNode) analysis.path("analyzer")).putObject("with_shingles").put("type", "custom")
                .put("tokenizer", "standard").putArray("filter").add("lowercase").add("shingle");
        ((ObjectNode) analysis.path("filter")).putObject("porter_here").put("type", "stemmer")
                .put("language", "light_english");
        ((ObjectNode) analysis.path("analyzer")).putObject("lighter").put("type", "custom")
                .put("tokenizer", "standard").putArray("filter").add("porter_here");
        ObjectNode properties = (ObjectNode) template.path("template").path("mappings").path("properties");
        properties.putObject("headline").put("type", "text").put("analyzer", "with_shingles");
        properties.putObject("body").put("type", "text").put("analyzer", "lighter");
        properties.putObject("byline").put("type", "text").put("analyzer", "article_english")
                .put("search_analyzer", "standard");
        ArticleTerms terms = ArticleTerms.of(template);
        assertFalse(terms.reads("headline"), "shingle is not a part made here");
        assertFalse(terms.reads("body"), "another stemmer's language");
        assertFalse(terms.reads("byline"), "searched with another analyzer than it is indexed with");
    }

    @Test
    void readsAlikeOnlyLatinScriptPunctuationAndCurrency() {
        assertTrue(ArticleTerms.readsAlike("\u201cCrème brûlée\u201d \u2014 £5, €7 \u2026 Łódź, Ærø"));
        assertFalse(ArticleTerms.readsAlike("Athens (Αθήνα)"), "Greek");
        assertFalse(ArticleTerms.readsAlike("Kyiv (Київ)"), "Cyrillic");
        assertFalse(ArticleTerms.readsAlike("talks \uD83D\uDC4D"), "an emoji");
        assertFalse(ArticleTerms.readsAlike("東京"), "CJK");
    }
}
