package news.wire.enrich.messaging;

/** What became of one message from articles.raw; the tag value of {@code enrich_articles_total{outcome}}. */
public enum ArticleOutcome {
    ENRICHED("enriched"),
    DEAD_LETTERED("dead_lettered"),
    TOMBSTONE("tombstone");

    private final String tag;

    ArticleOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
