package news.wire.query.stories;

import java.util.List;

/** A story in a list: what it is about, how many articles from which sources, and when. */
public record StorySummary(String id, String headline, long articleCount, List<String> sources,
                           String firstPublishedAt, String lastPublishedAt, List<TopEntity> topEntities) {
}
