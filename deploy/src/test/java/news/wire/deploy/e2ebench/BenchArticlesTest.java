package news.wire.deploy.e2ebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import news.wire.deploy.reuters.ArticleSubmission;

class BenchArticlesTest {

    @TempDir
    Path dir;

    @Test
    void everyPostIsUniqueEvenWhenTheCorpusComesRoundAgain() throws Exception {
        Path bbc = Files.createDirectories(dir.resolve("bbc/business"));
        Files.writeString(bbc.resolve("001.txt"), "Harbour cranes idle\n\nDockers in Valmora walked out.\n", StandardCharsets.UTF_8);
        Files.write(bbc.resolve("002.txt"), "Caf\u00e9 prices up\n\nA latin-1 file.\n".getBytes(StandardCharsets.ISO_8859_1));
        BenchArticles articles = BenchArticles.load(dir.resolve("no-reuters"), dir.resolve("bbc"), "r1");

        Set<String> bodies = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            ArticleSubmission a = articles.next();
            assertEquals("BBC News", a.source());
            assertTrue(bodies.add(a.body()), "repeated body: " + a.body());
            assertTrue(ids.add(a.sourceItemId()));
        }
        ArticleSubmission again = articles.next();
        assertEquals("Harbour cranes idle", again.headline());
        assertTrue(again.body().endsWith("(e2er1n6)"), again.body());
        assertNotEquals(-1, again.body().indexOf("Dockers in Valmora"));
    }

    @Test
    void noCorpusAtAllIsNull() throws Exception {
        assertNull(BenchArticles.load(dir.resolve("a"), dir.resolve("b"), "r1"));
    }
}
