package news.wire.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Wire copy shared beside the repository ({@code ../shared}: seeds and corpora), never copied into it. The folder
 * can be named with {@code -Dwire.shared=/path} (or {@code WIRE_SHARED}) when the checkout is elsewhere.
 */
public final class SharedCopy {

    private SharedCopy() {
    }

    public static Optional<Path> folder(String relative) {
        String named = System.getProperty("wire.shared", System.getenv("WIRE_SHARED"));
        Path shared = named != null ? Path.of(named) : RepositoryLayout.root().resolve("../shared").normalize();
        Path folder = shared.resolve(relative);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** The .txt files under a folder, sorted by path. */
    public static List<Path> textFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("README.TXT"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First line the headline, the rest the body; UTF-8, or Latin-1 where a file is not UTF-8. */
    public static String[] headlineAndBody(Path file) {
        String text;
        try {
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.strip().split("\n", 2);
        return new String[] {lines[0].strip(), lines.length > 1 ? lines[1].strip() : lines[0].strip()};
    }
}
