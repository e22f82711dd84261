package news.wire.deploy.bbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import news.wire.deploy.reuters.ArticleSubmission;

/** The BBC News corpus (one story a .txt file: headline, blank line, body), as the benchmarks post it. */
public final class BbcCorpus {

    /** The stories carry no date; they are placed in 2005, the corpus's own years. */
    private static final Instant PUBLISHED = Instant.parse("2005-03-01T09:00:00Z");

    private BbcCorpus() {
    }

    /** The stories below a folder in file-name order; none when the folder is absent. */
    public static List<ArticleSubmission> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ArticleSubmission> stories = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(BbcCorpus::isStory).sorted().toList()) {
                String text = decode(Files.readAllBytes(file)).strip();
                int newline = text.indexOf('\n');
                if (newline > 0) {
                    stories.add(new ArticleSubmission(text.substring(0, newline).strip(),
                            text.substring(newline + 1).strip(), "BBC News", PUBLISHED.toString(), "en", null));
                }
            }
        }
        return stories;
    }

    private static boolean isStory(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".txt") && !name.equalsIgnoreCase("README.TXT");
    }

    /** The corpus is UTF-8 but for a file or two in latin-1. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
