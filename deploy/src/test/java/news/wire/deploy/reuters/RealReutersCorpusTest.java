package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Reads the whole Reuters-21578 collection from {@code ../shared/corpora/reuters21578} (next to the repository)
 * and checks the counts its documentation gives; skipped where the corpus is absent.
 */
class RealReutersCorpusTest {

    @Test
    void readsEveryStoryOfTheCollection() throws Exception {
        Optional<Path> folder = corpusFolder();
        assumeTrue(folder.isPresent(), "Reuters-21578 not found at ../shared/corpora/reuters21578 next to the repository");

        StoryTally tally = new StoryTally();
        Figures figures = new Figures();
        long start = System.nanoTime();
        try (Stream<ReutersStory> stories = ReutersCorpus.in(folder.get()).stories(tally)) {
            stories.forEach(figures::add);
        }
        System.out.printf("Reuters-21578: %s in %.1f s%n", tally, (System.nanoTime() - start) / 1e9);

        assertEquals(22, ReutersCorpus.in(folder.get()).files().size());
        assertEquals(21_578, tally.seen());
        assertEquals(19_043, tally.kept());
        // Every story without a BODY is a BRIEF (1,798, headline only) or UNPROC (737, no TITLE either).
        assertEquals(Map.of(SkipReason.NO_BODY, 2_535L), tally.skippedByReason());

        assertEquals(19_043, figures.stories);
        assertTrue(figures.newIdsAscending, "NEWIDs in ascending order");
        assertEquals(Instant.parse("1987-02-26T15:01:01.790Z"), figures.earliest);
        assertTrue(figures.latest.isAfter(Instant.parse("1987-10-20T22:53:00Z")), "latest story " + figures.latest);
        assertFalse(figures.controlCharacters, "no control characters other than paragraph breaks in headlines and bodies");
        // Every story with a body has a DATELINE; one is only a dash.
        assertEquals(1, figures.withoutDateline);
        // Documents with at least one code, among the stories with a body (counted independently from the SGML).
        assertEquals(10_377, figures.withTopics);
        assertEquals(18_398, figures.withPlaces);
        assertEquals(1_012, figures.withPeople);
        assertEquals(854, figures.withOrgs);
        assertEquals(402, figures.withExchanges);
        assertEquals(22_358, figures.placeCodes);
    }

    /** What the test checks across the whole stream, without keeping the stories. */
    private static final class Figures {
        long stories;
        int lastNewId;
        boolean newIdsAscending = true;
        Instant earliest = Instant.MAX;
        Instant latest = Instant.MIN;
        boolean controlCharacters;
        long withoutDateline;
        long withTopics;
        long withPlaces;
        long withPeople;
        long withOrgs;
        long withExchanges;
        long placeCodes;

        void add(ReutersStory story) {
            stories++;
            newIdsAscending &= story.newId() > lastNewId;
            lastNewId = story.newId();
            earliest = story.publishedAt().isBefore(earliest) ? story.publishedAt() : earliest;
            latest = story.publishedAt().isAfter(latest) ? story.publishedAt() : latest;
            controlCharacters |= (story.headline() + story.body().replace("\n", "")).chars().anyMatch(Character::isISOControl);
            withoutDateline += story.dateline().isEmpty() ? 1 : 0;
            withTopics += story.topics().isEmpty() ? 0 : 1;
            withPlaces += story.places().isEmpty() ? 0 : 1;
            withPeople += story.people().isEmpty() ? 0 : 1;
            withOrgs += story.orgs().isEmpty() ? 0 : 1;
            withExchanges += story.exchanges().isEmpty() ? 0 : 1;
            placeCodes += story.places().size();
        }
    }

    /** The corpus beside the repository root, when it is there. */
    static Optional<Path> corpusFolder() {
        Path folder = ReutersCorpus.defaultFolder();
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }
}
