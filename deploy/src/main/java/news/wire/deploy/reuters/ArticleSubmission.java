package news.wire.deploy.reuters;

/** An article in ingest-service's simple JSON form, one per POST or per NDJSON line. */
public record ArticleSubmission(String headline, String body, String source, String publishedAt, String language,
        String sourceItemId) {

    /** The agency as ingest records it; the collection is all Reuters copy. */
    public static final String SOURCE = "Reuters";

    public static ArticleSubmission of(ReutersStory story) {
        return new ArticleSubmission(story.headline(), story.body(), SOURCE, story.publishedAt().toString(), "en",
                story.sourceItemId());
    }
}
