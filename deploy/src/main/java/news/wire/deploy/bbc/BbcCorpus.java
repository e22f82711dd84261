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

/** The BBC News corpus (one story a .txt file: headline, blank line, body), as the benchmarks post it. */
public final class BbcCorpus {

    public static final String SOURCE = "BBC News";
    /** The stories carry no date; they are placed in 2005, the corpus's own years. */
    public static final Instant PUBLISHED = Instant.parse("2005-03-01T09:00:00Z");

    /** One story: its first line and the rest. */
    public record Story(String headline, String body) {
    }

    private BbcCorpus() {
    }

    /** The stories below a folder in file-name order; none when the folder is absent. */
    public static List<Story> read(Path folder) throws IOException {
        List<Story> stories = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return stories;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".txt")
                    && !p.getFileName().toString().equalsIgnoreCase("README.TXT")).sorted().toList();
        }
        for (Path file : files) {
            String text = decode(Files.readAllBytes(file)).strip();
            int newline = text.indexOf('\n');
            if (newline > 0) {
                stories.add(new Story(text.substring(0, newline).strip(), text.substring(newline + 1).strip()));
            }
        }
        return stories;
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
