package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ImportOptionsTest {

    @Test
    void defaultsToBatchesOf500FromFourWorkers() {
        ImportOptions options = ImportOptions.parse();

        assertEquals(ReutersCorpus.defaultFolder(), options.corpus());
        assertEquals(URI.create("http://127.0.0.1:8081"), options.ingest());
        assertEquals(500, options.batchSize());
        assertEquals(Long.MAX_VALUE, options.limit());
        assertEquals(4, options.concurrency());
        assertEquals(0, options.rate());
    }

    @Test
    void readsEveryOption() {
        ImportOptions options = ImportOptions.parse("--corpus", "/data/reuters", "--ingest", "http://ingest:9000/",
                "--batch", "100", "--limit", "2000", "--concurrency", "8", "--kafka-baseline", "127.0.0.1:9092");

        assertEquals(new ImportOptions(Path.of("/data/reuters"), URI.create("http://ingest:9000"), 100, 2000, 8, 0,
                "127.0.0.1:9092"),
                options);
    }

    @Test
    void aRateMeansSinglePosts() {
        assertTrue(ImportOptions.parse("--single").single());
        ImportOptions paced = ImportOptions.parse("--rate", "50");
        assertTrue(paced.single());
        assertEquals(50.0, paced.rate());
        assertTrue(ImportOptions.parse("--single", "--rate", "0").single());
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--batch", "100", "--rate", "10"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--batch", "100", "--single"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--batch", "0"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--concurrency", "0"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--rate", "-1"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--rate", "NaN"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--limit"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--ingest", "127.0.0.1:8081"));
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--verbose"));
    }
}
