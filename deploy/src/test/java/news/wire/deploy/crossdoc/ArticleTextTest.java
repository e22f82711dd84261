package news.wire.deploy.crossdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void joinsTokensWithSpacesButNotAroundPunctuation() {
        EcbDocument document = document("ecb",
                List.of("Tara", "Reid", "checked", "in", "."),
                List.of("``", "We", "appreciate", "it", ",", "''", "her", "rep", "(", "Jack", ")", "said", "."));

        ArticleText text = ArticleText.of(document);

        assertEquals("Tara Reid checked in.", text.headline());
        assertEquals("``We appreciate it,'' her rep (Jack) said.", text.body());
        assertEquals(new ArticleText.Span("headline", 0, 4), text.tokens().get(1));
        assertEquals(new ArticleText.Span("body", 31, 35), text.tokens().get(15)); // "Jack"
        assertEquals(new ArticleText.Span("headline", 0, 9), text.span(List.of(1, 2)));
    }

    @Test
    void leavesOutTheUrlOfAWebPageAndTakesTheTitleAsHeadline() {
        EcbDocument document = document("ecbplus",
                List.of("http", ":", "/", "/", "example", ".", "com", "/", "lohan"),
                List.of("Lindsay", "Lohan", "checks", "into", "rehab"),
                List.of("May", "03", ",", "2013"),
                List.of("She", "did", "."));

        ArticleText text = ArticleText.of(document);

        assertEquals("Lindsay Lohan checks into rehab", text.headline());
        assertEquals("May 03, 2013\nShe did.", text.body());
        assertNull(text.span(List.of(1, 2))); // in the URL
        assertEquals(new ArticleText.Span("body", 13, 16), text.span(List.of(19)));
    }

    /** Sentences of tokens, numbered from 1 in order. */
    @SafeVarargs
    private static EcbDocument document(String subTopic, List<String>... sentences) {
        List<EcbDocument.Token> tokens = new ArrayList<>();
        for (int s = 0; s < sentences.length; s++) {
            for (String token : sentences[s]) {
                tokens.add(new EcbDocument.Token(tokens.size() + 1, s, token));
            }
        }
        return new EcbDocument(1, "1_1" + subTopic + ".xml", subTopic, tokens, List.of());
    }
}
