package news.wire.query.stories;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How articles are grouped into stories, under the {@code query.stories.} prefix. */
@ConfigMapping(prefix = "query.stories")
public interface StoryConfig {

    /** How far from an article's publication time (either way) its story's other articles are looked for. */
    @WithDefault("3d")
    Duration window();

    /**
     * Least average similarity between an article and the story's articles found in the window for the article to
     * join that story (see {@link ArticleSimilarity}); tuned on the shared seeds and the BBC corpus.
     */
    @WithDefault("0.33")
    double threshold();

    /** Most indexed articles compared with each new article (the best text matches in the window). */
    @WithDefault("20")
    int candidates();

    /** Most articles read back for one story by the API, oldest first. */
    @WithDefault("200")
    int maxMembers();
}
