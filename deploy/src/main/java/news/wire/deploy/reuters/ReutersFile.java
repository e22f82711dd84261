package news.wire.deploy.reuters;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/** One {@code reut2-NNN.sgm} file of the collection, read story by story. */
final class ReutersFile {

    /** The sign-off paragraph that ends most stories ("\n\nReuter", sometimes in capitals). */
    private static final Pattern SIGN_OFF = Pattern.compile("\\s*\\n\\s*(?:Reuter|REUTER)\\s*$");

    private final Path path;

    ReutersFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * The file's usable stories, in file order, counting every story read (kept or skipped) in {@code tally}.
     * Closing the reading closes the file.
     */
    Reading read(StoryTally tally) {
        return new Reading(open(), tally);
    }

    /** An open file, read one story at a time. */
    final class Reading implements Iterator<ReutersStory>, Closeable {

        private final StreamParser parser;
        private final StoryTally tally;
        private ReutersStory next;

        private Reading(StreamParser parser, StoryTally tally) {
            this.parser = parser;
            this.tally = tally;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                Element story = nextStoryElement(parser);
                if (story == null) {
                    return false;
                }
                next = story(story, tally);
                // Parsed stories are dropped from the document so a file never sits in memory whole.
                story.remove();
            }
            return true;
        }

        @Override
        public ReutersStory next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReutersStory story = next;
            next = null;
            return story;
        }

        @Override
        public void close() {
            parser.close();
        }
    }

    private StreamParser open() {
        try {
            // The collection predates Unicode on the wire: bytes above 0x7F are latin-1 (one 0xFC in reut2-017).
            Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1);
            // Not well-formed XML, but tags are balanced; jsoup's XML parser takes it leniently and decodes &#N; and &lt;.
            return new StreamParser(Parser.xmlParser()).parse(reader, path.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private Element nextStoryElement(StreamParser parser) {
        try {
            return parser.selectNext("REUTERS");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** The story, or null (counted in the tally) when it cannot become an article. */
    static ReutersStory story(Element story, StoryTally tally) {
        int newId = newId(story);
        Optional<Instant> date = ReutersDate.parse(fieldText(story, "DATE"));
        String headline = WireText.line(fieldText(story, "TITLE"));
        String body = withoutSignOff(WireText.paragraphs(fieldText(story, "BODY")));
        SkipReason skip = body.isEmpty() ? SkipReason.NO_BODY
                : headline.isEmpty() ? SkipReason.NO_TITLE
                : newId <= 0 ? SkipReason.NO_NEWID
                : date.isEmpty() ? SkipReason.UNREADABLE_DATE
                : null;
        if (skip != null) {
            tally.countSkipped(skip);
            return null;
        }
        tally.countKept();
        return new ReutersStory(newId, date.get(), headline, dateline(story), body,
                codes(story, "TOPICS"), codes(story, "PLACES"), codes(story, "PEOPLE"), codes(story, "ORGS"),
                codes(story, "EXCHANGES"));
    }

    /**
     * The body without the agency's sign-off, a last paragraph of "Reuter" alone: a transmission trailer like the
     * end-of-text mark, not copy. Left in, the tagger takes it for an organisation or a person named in every story.
     */
    static String withoutSignOff(String body) {
        Matcher signOff = SIGN_OFF.matcher(body);
        return signOff.find() ? body.substring(0, signOff.start()) : body;
    }

    private static int newId(Element story) {
        try {
            return Integer.parseInt(story.attr("NEWID").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The raw text of the story's first element with this tag (decoded, whitespace kept), or "" when absent. */
    private static String fieldText(Element story, String tag) {
        Element field = story.selectFirst(tag);
        return field == null ? "" : field.wholeText();
    }

    // A dateline runs into the body as "SALVADOR, Feb 26 - Showers continued...": the dash belongs to neither.
    private static String dateline(Element story) {
        String dateline = WireText.line(fieldText(story, "DATELINE"));
        while (dateline.endsWith("-")) {
            dateline = dateline.substring(0, dateline.length() - 1).stripTrailing();
        }
        return dateline;
    }

    private static List<String> codes(Element story, String category) {
        Element field = story.selectFirst(category);
        if (field == null) {
            return List.of();
        }
        return field.getElementsByTag("D").stream()
                .map(code -> WireText.line(code.wholeText()))
                .filter(code -> !code.isEmpty())
                .toList();
    }
}
