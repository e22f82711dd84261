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
     * Least average similarity between an article and the story's articles found in the window for the article to
     * join that story (see {@link ArticleSimilarity}). 0.33 is the lowest at which the shared seeds form one story in
     * every order of arrival (their weakest pair scores 0.338); BBC and Reuters articles score at most 0.12 against
     * any seed.
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
