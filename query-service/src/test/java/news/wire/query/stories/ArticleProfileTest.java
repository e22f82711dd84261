package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ArticleProfileTest {

    private static final String BODY = "Dockers in Valmora walked out on Thursday. The dockers' union said the strike "
            + "at Valmora harbour would last two days, and harbour cranes stood idle.";

    @Test
    void anIndexedArticlesWordCountsGiveTheSameWordsAsItsText() {
        ObjectNode document = Articles.article("Wire A", "Valmora dockers strike", BODY)
                .entity("LOCATION", "Valmora", 0.9).json();
        ArticleProfile fromText = ArticleProfile.of(document);

        // What a candidate hit carries: the counts written at indexing, no body.
        ObjectNode indexed = document.deepCopy();
        indexed.remove("body");
        ObjectNode counts = indexed.putObject(ArticleProfile.WORD_COUNTS);
        fromText.wordCounts().forEach(counts::put);
        ArticleProfile fromCounts = ArticleProfile.of(indexed);

        assertEquals(fromText.words(), fromCounts.words());
        assertEquals(2, fromText.wordCounts().get("harbour"));
        assertEquals(3, fromText.wordCounts().get("valmora"), "headline and body count alike");
        assertFalse(fromText.wordCounts().containsKey("the"), "function words are not content");
        assertTrue(fromCounts.text().startsWith("Valmora dockers strike"));
    }
}
