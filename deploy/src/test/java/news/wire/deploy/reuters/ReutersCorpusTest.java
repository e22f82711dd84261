package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Reads a hand-written sample in the collection's format (fictional stories, latin-1, two files). */
class ReutersCorpusTest {

    @Test
    void readsStoryFilesInOrderAndIgnoresOtherFiles() throws Exception {
        ReutersCorpus corpus = ReutersCorpus.in(sample());

        assertEquals(List.of("reut2-000.sgm", "reut2-001.sgm"),
                corpus.files().stream().map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void keepsStoriesWithTitleAndBodyAndCountsTheRest() throws Exception {
        StoryTally tally = new StoryTally();
        List<ReutersStory> stories;
        try (Stream<ReutersStory> read = ReutersCorpus.in(sample()).stories(tally)) {
            stories = read.toList();
        }

        assertEquals(List.of(1, 4, 6), stories.stream().map(ReutersStory::newId).toList());
        assertEquals(6, tally.seen());
        assertEquals(3, tally.kept());
        assertEquals(3, tally.skippedTotal());
        // NEWID 2 is a BRIEF (headline only), 3 an UNPROC table without TITLE or BODY, 5 has a body but no title.
        assertEquals(Map.of(SkipReason.NO_BODY, 2L, SkipReason.NO_TITLE, 1L), tally.skippedByReason());
        assertEquals("6 seen, 3 kept, 3 skipped (no body 2, no title 1)", tally.toString());
    }

    @Test
    void readsFieldsAsCleanLatin1Text() throws Exception {
        ReutersStory story = first(1);

        assertEquals("reuters21578:1", story.sourceItemId());
        assertEquals(Instant.parse("1987-03-02T09:14:07.310Z"), story.publishedAt());
        // &lt; is decoded; the title's line break becomes a space.
        assertEquals("DELMONT GRAIN <DGC> SEES FIRMER WHEAT EXPORTS", story.headline());
        assertEquals("DELMONT, March 2", story.dateline());
        assertEquals("""
                The Delmont Grain Co <DGC> said wheat exports through the port of Ravensholm rose in February, \
                helped by dry weather and steady demand from Europe.

                Shipments reached 412,000 tonnes against 388,000 a year earlier, the company said in its monthly review.

                Chairman Ana Okafor told reporters in Zürich that the café trade talks "went well".""", story.body());
        assertEquals(List.of("grain", "wheat"), story.topics());
        assertEquals(List.of("delmont", "ravensholm", "usa"), story.places());
        assertEquals(List.of("okafor"), story.people());
        assertEquals(List.of("ec", "gatt"), story.orgs());
        assertEquals(List.of(), story.exchanges());
    }

    @Test
    void dropsTransmissionCodesAndDateNoise() throws Exception {
        ReutersStory story = first(4);

        assertEquals(Instant.parse("1987-03-27T00:02:59.130Z"), story.publishedAt());
        // The title ends in an ESC [ B terminal sequence; the body has a DEL (&#127;) and ends in the sign-off and &#3;.
        assertEquals("KESTREL FERRIES <KFL> 4TH QTR NET", story.headline());
        assertEquals("Shr 36 cts vs 27 cts\n\nNet 1,204,000 vs 1,010,000\n\nRevs 9,870,000 vs 9,112,000",
                story.body());
        assertEquals(List.of("nasdaq"), story.exchanges());
    }

    @Test
    void continuesIntoTheNextFile() throws Exception {
        ReutersStory story = first(6);

        assertEquals("VALMORA PORT REOPENS AFTER STRIKE", story.headline());
        assertEquals(List.of("ilves", "okafor"), story.people());
        assertEquals("The port of Valmora reopened on Saturday, union leader Marta Ilves said, and the Société Portuaire "
                + "& Fluviale expects the backlog to clear by Tuesday.", story.body());
    }

    @Test
    void dropsTheSignOffButNotTheAgencyNamedInTheCopy() {
        assertEquals("Prices rose.", ReutersFile.withoutSignOff("Prices rose.\n\nReuter"));
        assertEquals("Prices rose.", ReutersFile.withoutSignOff("Prices rose.\n\n REUTER \n"));
        assertEquals("The figures were given to Reuter", ReutersFile.withoutSignOff("The figures were given to Reuter"));
        assertEquals("Reuter", ReutersFile.withoutSignOff("Reuter"));
    }

    @Test
    void readsNoFurtherThanAsked() throws Exception {
        StoryTally tally = new StoryTally();
        try (Stream<ReutersStory> read = ReutersCorpus.in(sample()).stories(tally)) {
            assertEquals(1, read.limit(1).count());
        }

        assertEquals(1, tally.seen());
    }

    @Test
    void refusesAFolderWithoutStoryFiles(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThrows(NoSuchFileException.class, () -> ReutersCorpus.in(empty));
        assertThrows(NoSuchFileException.class, () -> ReutersCorpus.in(empty.resolve("absent")));
    }

    private static ReutersStory first(int newId) throws Exception {
        try (Stream<ReutersStory> read = ReutersCorpus.in(sample()).stories(new StoryTally())) {
            return read.filter(story -> story.newId() == newId).findFirst().orElseThrow();
        }
    }

    static Path sample() throws URISyntaxException {
        return Path.of(ReutersCorpusTest.class.getResource("/reuters/sample/reut2-000.sgm").toURI()).getParent();
    }
}
