package news.wire.deploy.crossdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reads real ECB+ files from {@code ../shared/corpora/ecbplus} next to the repository; skipped where absent. */
class EcbReaderTest {

    private static final Path CORPUS = Path.of("../../shared/corpora/ecbplus").toAbsolutePath().normalize();

    @Test
    void readsOneWebPageWithItsChainsOfPeopleAndPlaces() throws Exception {
        Path file = CORPUS.resolve("1/1_10ecbplus.xml");
        assumeTrue(Files.isRegularFile(file), "ECB+ not found at " + CORPUS);

        EcbDocument document = EcbReader.read(file);

        assertEquals(1, document.topic());
        assertEquals("ecbplus", document.subTopic());
        assertEquals("1/ecbplus", document.goldStory());
        assertEquals("http", document.tokens().get(0).text());
        assertEquals(new EcbDocument.Token(30, 1, "Lindsay"), document.tokens().get(29));
        assertFalse(document.mentions().isEmpty());
        for (EcbDocument.GoldMention mention : document.mentions()) {
            assertTrue(EcbReader.entityType(mention.type()), mention.toString());
            assertFalse(mention.chain().isBlank());
        }
        ArticleText text = ArticleText.of(document);
        assertEquals("Lindsay Lohan checks into Betty Ford Center", text.headline());
        // Lindsay Lohan, in the title, is a person of a cross-document chain
        assertTrue(document.mentions().stream().anyMatch(m -> m.type().equals("HUMAN_PART_PER")
                && new ArticleText.Span("headline", 0, 13).equals(text.span(m.tokenIds()))), document.mentions().toString());
    }

    @Test
    void readsTopicsInOrderOfSubTopic() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS.resolve("1")), "ECB+ not found at " + CORPUS);

        List<EcbDocument> documents = EcbReader.read(CORPUS, Set.of(1));

        assertTrue(documents.size() > 10);
        assertEquals("ecb", documents.get(0).subTopic());
        assertEquals("ecbplus", documents.get(documents.size() - 1).subTopic());
        assertTrue(documents.stream().allMatch(d -> d.topic() == 1));
    }
}
