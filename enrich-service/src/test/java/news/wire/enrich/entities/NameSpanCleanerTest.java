package news.wire.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;

/** The cleaner on token runs given by hand, as the tagger would hand them over. */
class NameSpanCleanerTest {

    private final NameSpanCleaner cleaner = new NameSpanCleaner();

    /** The run of every space-separated token of {@code text}. */
    private static List<NameToken> tokens(String text) {
        List<NameToken> run = new ArrayList<>();
        int at = 0;
        for (String word : text.split(" ")) {
            run.add(new NameToken(word, at, at + word.length()));
            at += word.length() + 1;
        }
        return run;
    }

    private String cleaned(String text, EntityType type) {
        return cleaner.clean(ArticleField.BODY, text, tokens(text), type).map(NameSpan::text).orElse("");
    }

    @Test
    void aClosingBracketStaysWhereItsOpeningOneIsInTheName() {
        assertEquals("Mladost ( L )", cleaned("Mladost ( L )", EntityType.ORGANIZATION));
        assertEquals("Mladost", cleaned("Mladost )", EntityType.ORGANIZATION), "a stray bracket still comes off");
    }

    @Test
    void aLeadingTheStaysOnlyInNamesOfThingsNotPeople() {
        assertEquals("The Times", cleaned("The Times", EntityType.ORGANIZATION));
        assertEquals("Times", cleaned("the Times", EntityType.ORGANIZATION), "a lower-case the is not in the name");
        assertEquals("Smith", cleaned("The Smith", EntityType.PERSON));
    }
}
