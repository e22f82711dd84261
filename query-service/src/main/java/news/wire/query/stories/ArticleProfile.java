package news.wire.query.stories;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What story matching needs of one article: who and what it names, its words, and the story it is in (if any). */
public record ArticleProfile(String id, String source, Instant publishedAt, String storyId, String text,
                             List<NamedEntity> entities, Map<String, Double> words) {

    /** Reads an enriched article document (article.enriched/v1, possibly with {@code storyId}). */
    public static ArticleProfile of(JsonNode article) {
        List<NamedEntity> entities = new ArrayList<>();
        for (JsonNode e : article.path("entities")) {
            String type = e.path("type").asText();
            String name = e.path("name").asText();
            if (NamedEntity.MATCHED_TYPES.contains(type) && !name.isBlank()) {
                entities.add(NamedEntity.of(type, name, e.path("salience").asDouble()));
            }
        }
        String storyId = article.path("storyId").asText(null);
        String text = article.path("headline").asText() + "\n" + article.path("body").asText();
        Instant publishedAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(article.path("publishedAt").asText(), Instant::from);
        return new ArticleProfile(article.path("id").asText(), article.path("source").asText(), publishedAt, storyId,
                text, List.copyOf(entities), ContentWords.of(text));
    }

    /** The same article, placed in a story. */
    public ArticleProfile inStory(String story) {
        return new ArticleProfile(id, source, publishedAt, story, text, entities, words);
    }
}
