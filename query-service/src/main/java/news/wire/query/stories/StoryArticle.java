package news.wire.query.stories;

/** One article of a story, as listed with it. */
public record StoryArticle(String id, String source, String headline, String publishedAt) {
}
