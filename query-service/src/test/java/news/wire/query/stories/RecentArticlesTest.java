package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T10:00:00Z");

    private static ArticleProfile placed(String id) {
        return new ArticleProfile(id, "Wire", PUBLISHED, "story-" + id, "Dockers strike\nThe whole body of the story.",
                List.of(), Map.of("dockers", 1.0, "strike", 1.0));
    }

    @Test
    void aBurstOfArticlesKeepsOnlyTheNewestWithinTheBound() {
        RecentArticles recent = new RecentArticles();
        int more = 300;
        for (int i = 0; i < RecentArticles.MOST_KEPT + more; i++) {
            recent.remember(placed("a-" + i));
        }

        assertEquals(RecentArticles.MOST_KEPT, recent.size());
        assertEquals(RecentArticles.MOST_KEPT, recent.near(PUBLISHED, Duration.ofHours(1)).size());
        assertEquals(Optional.empty(), recent.storyOf("a-0"), "the oldest make room");
        int last = RecentArticles.MOST_KEPT + more - 1;
        assertEquals(Optional.of("story-a-" + last), recent.storyOf("a-" + last));
    }

    @Test
    void whatIsKeptHoldsNeitherBodyNorWordCounts() {
        RecentArticles recent = new RecentArticles();
        recent.remember(placed("a-1"));

        ArticleProfile kept = recent.near(PUBLISHED, Duration.ofHours(1)).get(0);
        assertEquals(Map.of(), kept.words());
        assertEquals("Dockers strike\n", kept.text());
        assertTrue(kept.vector().cosine(placed("a-2").vector()) > 0.99, "the vector is what matching reads");
    }
}
