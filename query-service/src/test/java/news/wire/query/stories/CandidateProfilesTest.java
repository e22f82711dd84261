package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CandidateProfilesTest {

    private static ArticleProfile profile(String id) {
        return new ArticleProfile(id, "Wire", Instant.parse("2026-11-20T10:00:00Z"), "story-1", "Headline",
                List.of(), Map.of("talks", 2.0));
    }

    @Test
    void aProfileIsKeptForItsVersionOnly() {
        CandidateProfiles kept = new CandidateProfiles();
        ArticleProfile first = profile("a-1");
        kept.put("a-1", 1, first);

        assertSame(first, kept.get("a-1", 1));
        assertNull(kept.get("a-1", 2), "a new version of the article must be read again");
        assertNull(kept.get("a-2", 1));
    }

    @Test
    void theLeastRecentlyReadGoFirstWhenFull() {
        CandidateProfiles kept = new CandidateProfiles();
        for (int i = 0; i < CandidateProfiles.MOST_KEPT; i++) {
            kept.put("a-" + i, 1, profile("a-" + i));
        }
        kept.get("a-0", 1); // read again: now the most recent
        kept.put("a-new", 1, profile("a-new"));

        assertEquals(CandidateProfiles.MOST_KEPT, kept.size());
        assertNull(kept.get("a-1", 1), "the least recently read profile makes room");
        assertEquals("a-0", kept.get("a-0", 1).id());
    }

    @Test
    void aCandidateKeepsItsVectorButNotItsWordCounts() {
        ArticleProfile candidate = profile("a-1").asCandidate();

        assertEquals(Map.of(), candidate.words());
        assertEquals(1.0, candidate.vector().cosine(profile("a-2").vector()), 1e-9);
    }
}
