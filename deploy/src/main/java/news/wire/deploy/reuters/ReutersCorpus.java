package news.wire.deploy.reuters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The Reuters-21578 collection in a folder of {@code reut2-NNN.sgm} files, read as a stream of stories. */
public final class ReutersCorpus {

    private static final String BESIDE_REPOSITORY = "../shared/corpora/reuters21578";

    private final Path folder;
    private final List<ReutersFile> files;

    private ReutersCorpus(Path folder, List<ReutersFile> files) {
        this.folder = folder;
        this.files = files;
    }

    /**
     * The corpus in {@code folder}.
     *
     * @throws NoSuchFileException when the folder is absent or holds no {@code reut2-*.sgm} file
     */
    public static ReutersCorpus in(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<ReutersFile> files;
        try (Stream<Path> entries = Files.list(folder)) {
            // reut2-000 … reut2-021 hold the stories in NEWID order, 1000 to a file.
            files = entries.filter(ReutersCorpus::isStoryFile).sorted().map(ReutersFile::new).toList();
        }
        if (files.isEmpty()) {
            throw new NoSuchFileException(folder.toString(), null, "no reut2-*.sgm files");
        }
        return new ReutersCorpus(folder, files);
    }

    /**
     * Where the shared corpora keep the collection: {@code ../shared/corpora/reuters21578} beside the repository
     * root (the first folder up from the working directory that holds {@code deploy/local/pipeline}), or that path
     * relative to the working directory when no repository root is found.
     */
    public static Path defaultFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/local/pipeline"))) {
                return dir.resolve(BESIDE_REPOSITORY).normalize();
            }
        }
        return Path.of(BESIDE_REPOSITORY);
    }

    private static boolean isStoryFile(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("reut2-") && name.endsWith(".sgm") && Files.isRegularFile(path);
    }

    public Path folder() {
        return folder;
    }

    /** The story files, in reading order. */
    public List<Path> files() {
        return files.stream().map(ReutersFile::path).toList();
    }

    /**
     * The usable stories of every file, in NEWID order, read lazily (one file open at a time, one story parsed at a
     * time); stories without a body or title are left out and counted in {@code tally}. Close the stream when
     * stopping early, to close the open file.
     *
     * @throws UncheckedIOException while streaming, when a file cannot be read
     */
    public Stream<ReutersStory> stories(StoryTally tally) {
        // A hand-made iterator rather than flatMap: Stream.iterator() over a flatMap buffers a whole file at a time.
        FileByFile stories = new FileByFile(tally);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(stories, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(stories::close);
    }

    private final class FileByFile implements Iterator<ReutersStory> {

        private final StoryTally tally;
        private final Iterator<ReutersFile> unread = files.iterator();
        private ReutersFile.Reading current;

        FileByFile(StoryTally tally) {
            this.tally = tally;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                close();
                if (!unread.hasNext()) {
                    return false;
                }
                current = unread.next().read(tally);
            }
            return true;
        }

        @Override
        public ReutersStory next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
