package news.wire.query.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Hand-written enriched article documents for tests: only the fields story matching and figures read. */
final class Articles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode article = JSON.createObjectNode();

    private Articles(String source, String headline, String body, String publishedAt) {
        article.put("id", UUID.randomUUID().toString());
        article.put("source", source);
        article.put("headline", headline);
        article.put("body", body);
        article.put("publishedAt", publishedAt);
        article.putArray("entities");
        article.putArray("numbers");
    }

    /**
     * A day picked at random among 3,000 ten days apart from {@code from} on, for one test run's copy: the articles of
     * earlier runs, left in the index, are then outside its story window and never its candidates.
     */
    static Instant dayOfItsOwn(String from) {
        return Instant.parse(from).plus(Duration.ofDays(10L * ThreadLocalRandom.current().nextInt(3_000)));
    }

    static Articles article(String source, String headline, String body) {
        return new Articles(source, headline, body, "2026-11-18T09:00:00Z");
    }

    static Articles article(String source, String headline, String body, Instant publishedAt) {
        return new Articles(source, headline, body, publishedAt.toString());
    }

    Articles entity(String type, String name, double salience) {
        ((ArrayNode) article.get("entities")).addObject().put("type", type).put("name", name).put("salience", salience);
        return this;
    }

    Articles figure(double value, String qualifier, String counted, String text) {
        ObjectNode n = ((ArrayNode) article.get("numbers")).addObject();
        n.put("value", value).put("kind", "CARDINAL").put("qualifier", qualifier).put("text", text);
        if (counted != null) {
            n.put("counted", counted);
        }
        return this;
    }

    ObjectNode json() {
        return article;
    }

    ArticleProfile profile() {
        return ArticleProfile.of(article);
    }
}
