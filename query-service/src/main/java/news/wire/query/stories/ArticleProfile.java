package news.wire.query.stories;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import news.wire.query.entities.EntityRef;

/** What story matching needs of one article: who and what it names, its words, and the story it is in (if any). */
public record ArticleProfile(String id, String source, Instant publishedAt, String storyId, String text,
                             List<NamedEntity> entities, Map<String, Double> words, WordVector vector) {

    /** A profile whose words are put in the form cosines read ({@link WordVector}) once here. */
    public ArticleProfile(String id, String source, Instant publishedAt, String storyId, String text,
                          List<NamedEntity> entities, Map<String, Double> words) {
        this(id, source, publishedAt, storyId, text, entities, words, WordVector.of(words));
    }

    /**
     * Field of an indexed article holding its content word counts, written when it is placed in a story. Reading
     * them back is what makes a candidate cheap: no body to fetch and tokenise for each of the 20 candidates of every
     * new article (before, more than half of query-service's CPU under load). Not indexed ({@code dynamic: false}),
     * kept in {@code _source} only, and not part of the API's article.
     */
    public static final String WORD_COUNTS = "storyWords";

    /**
     * Reads an enriched article document (article.enriched/v1, possibly with {@code storyId}), or an indexed one
     * carrying {@link #WORD_COUNTS} (then its body is not needed, and {@link #text()} is the headline alone).
     */
    public static ArticleProfile of(JsonNode article) {
        List<NamedEntity> entities = entitiesOf(article);
        String storyId = article.path("storyId").asText(null);
        String text = article.path("headline").asText() + "\n" + article.path("body").asText();
        Instant publishedAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(article.path("publishedAt").asText(), Instant::from);
        JsonNode counted = article.path(WORD_COUNTS);
        Map<String, Double> words;
        if (counted.isObject()) {
            Map<String, Integer> counts = new HashMap<>();
            counted.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
            words = ContentWords.weighted(counts);
        } else {
            words = ContentWords.of(text);
        }
        return new ArticleProfile(article.path("id").asText(), article.path("source").asText(), publishedAt, storyId,
                text, entities, words);
    }

    private static List<NamedEntity> entitiesOf(JsonNode article) {
        List<NamedEntity> entities = new ArrayList<>();
        for (JsonNode e : article.path("entities")) {
            String type = e.path("type").asText();
            String name = e.path("name").asText();
            if (NamedEntity.MATCHED_TYPES.contains(type) && !name.isBlank()) {
                entities.add(NamedEntity.of(e.path("id").asText(null), type, name, e.path("salience").asDouble()));
            }
        }
        return List.copyOf(entities);
    }

    /** The same article with its entities read again from its document (after their ids were resolved). */
    public ArticleProfile withEntitiesOf(JsonNode article) {
        return new ArticleProfile(id, source, publishedAt, storyId, text, entitiesOf(article), words, vector);
    }

    /** Its entities as entity resolution sees them. */
    public List<EntityRef> entityRefs() {
        return entities.stream().filter(e -> e.id() != null).map(e -> new EntityRef(e.id(), e.type(), e.name())).toList();
    }

    /** This article's content word counts, as {@link #WORD_COUNTS} keeps them in its indexed document. */
    public Map<String, Integer> wordCounts() {
        Map<String, Integer> counts = new HashMap<>(words.size() * 2);
        words.forEach((word, weight) -> counts.put(word, (int) Math.round(weight * weight)));
        return counts;
    }

    /** True when the article was published at most the window away from the time, before or after. */
    public boolean within(Duration window, Instant time) {
        return Math.abs(publishedAt.toEpochMilli() - time.toEpochMilli()) <= window.toMillis();
    }

    /**
     * The same article as a candidate for later ones: its word vector without the word counts it was made from (they
     * are written only with the article itself) and without its body (only the article being placed is searched by
     * its text), as if read back from its document: what is kept for many articles holds only what cosines read.
     */
    ArticleProfile asCandidate() {
        int headlineEnd = text.indexOf('\n');
        String headline = headlineEnd < 0 ? text : text.substring(0, headlineEnd + 1);
        return new ArticleProfile(id, source, publishedAt, storyId, headline, entities, Map.of(), vector);
    }

    /** The same article, placed in a story. */
    public ArticleProfile inStory(String story) {
        return new ArticleProfile(id, source, publishedAt, story, text, entities, words, vector);
    }
}
