package news.wire.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of this repository (launcher, schemas) from a module's working directory. */
public final class RepositoryLayout {

    private RepositoryLayout() {
    }

    /** The repository root: the nearest ancestor of the working directory that holds deploy/local/pipeline. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isExecutable(dir.resolve("deploy/local/pipeline"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No deploy/local/pipeline above " + Path.of("").toAbsolutePath());
    }

    /** The local stack launcher script. */
    public static Path launcher() {
        return root().resolve("deploy/local/pipeline");
    }

    /** A message contract in deploy/schemas, e.g. {@code article.raw.v1.json}. */
    public static Path schema(String fileName) {
        return root().resolve("deploy/schemas").resolve(fileName);
    }
}
