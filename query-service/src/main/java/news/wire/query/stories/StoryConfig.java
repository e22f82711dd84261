package news.wire.query.stories;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How articles are grouped into stories, under the {@code query.stories.} prefix. */
@ConfigMapping(prefix = "query.stories")
public interface StoryConfig {

    /** The threshold's default, also what the evaluation tests check the seeds and corpora against. */
    String DEFAULT_THRESHOLD = "0.33";

    /** How far from an article's publication time (either way) its story's other articles are looked for. */
    @WithDefault("3d")
    Duration window();

    /**
     * Least similarity between an article and a story (its articles found in the window, pooled: see
     * {@link StoryMatcher} and {@link ArticleSimilarity}) for the article to join that story. 0.33 is the lowest at which the
     * shared seeds form one story in every order of arrival (their weakest pair scores 0.336); BBC and Reuters articles
     * score at most 0.12 against any seed, and 318 BBC articles packed into twelve days form 6 stories of two to five
     * (9 before stories were pooled and words weighed as much as entities). On ECB+ web news replayed in random order
     * (two real events of one kind per topic; five seeds; tuned on topics 1–20) it gives, on topics 21–35 never tuned
     * on, B-cubed precision 1.00 and recall 0.72 (F1 0.83; 0.70 before this scoring), and precision 0.94 when both
     * events of a topic fall in the same 48 hours. 0.30 would give recall 0.75 instead of 0.68 on topics 1–20 at
     * hard-mode precision 0.92, but forms 13 BBC stories of two to five (one election campaign, one rugby season)
     * instead of 6.
     */
    @WithDefault(DEFAULT_THRESHOLD)
    double threshold();

    /** Most indexed articles compared with each new article (the best text matches in the window). */
    @WithDefault("20")
    int candidates();

    /** Most articles read back for one story by the API, oldest first. */
    @WithDefault("200")
    int maxMembers();
}
