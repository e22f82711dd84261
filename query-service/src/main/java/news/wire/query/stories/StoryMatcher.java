package news.wire.query.stories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the story a new article joins among the stories of nearby articles. A story's score is the article's
 * average similarity to that story's articles at hand (average link), not the best one: a story growing one
 * loosely related article at a time (one election campaign, one war) would otherwise chain into a giant story.
 */
public final class StoryMatcher {

    private final double threshold;

    public StoryMatcher(double threshold) {
        this.threshold = threshold;
    }

    /** The best story scoring at least the threshold, or empty when the article starts a story of its own. */
    public Optional<Match> bestStory(ArticleProfile article, Collection<ArticleProfile> nearby) {
        Map<String, List<Double>> byStory = new LinkedHashMap<>();
        for (ArticleProfile other : nearby) {
            if (other.storyId() == null || other.id().equals(article.id())) {
                continue;
            }
            byStory.computeIfAbsent(other.storyId(), k -> new ArrayList<>()).add(ArticleSimilarity.between(article, other));
        }
        Match best = null;
        for (Map.Entry<String, List<Double>> story : byStory.entrySet()) {
            double score = story.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            if (score >= threshold && (best == null || score > best.score())) {
                best = new Match(story.getKey(), score);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A story and how well the article fits it. */
    public record Match(String storyId, double score) {
    }
}
