package news.wire.query.stories;

import java.util.List;

/** One story in full: its articles oldest first, its sources, the entities it is about and its figures table. */
public record StoryDetail(String id, String headline, long articleCount, List<String> sources,
                          String firstPublishedAt, String lastPublishedAt, List<StoryArticle> articles,
                          List<TopEntity> topEntities, List<FigureRow> figures) {
}
