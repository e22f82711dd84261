package news.wire.query.dashboard;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * article.enriched/v1 records for the dashboard tests, with every tag's offsets found in the text itself, so the
 * page has real spans to mark. A tag whose text is not in the field fails the test at once.
 */
final class TaggedCopy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode article = JSON.createObjectNode();

    private TaggedCopy(String source, String headline, String body, Instant received) {
        article.put("schema", "article.enriched/v1");
        article.put("id", UUID.randomUUID().toString());
        article.put("version", 1);
        article.put("source", source);
        article.put("headline", headline);
        article.put("body", body);
        article.put("language", "en");
        article.put("publishedAt", received.minusSeconds(90).toString());
        article.put("receivedAt", received.toString());
        article.putArray("entities");
        article.putArray("numbers");
        article.putArray("dates");
        article.putObject("enricher").put("version", "test").putObject("engines").put("entities", "hand-tagged");
        article.put("enrichedAt", received.plusMillis(300).toString());
    }

    static TaggedCopy article(String source, String headline, String body, Instant received) {
        return new TaggedCopy(source, headline, body, received);
    }

    /**
     * An entity with a mention at each place one of {@code texts} occurs (headline first, then body), except inside
     * an earlier mention: "Marta Ilves", "Ilves" marks the full name and then the surname where it stands alone.
     */
    TaggedCopy entity(String type, String name, String... texts) {
        ObjectNode entity = ((ArrayNode) article.get("entities")).addObject();
        entity.put("type", type).put("name", name).put("salience", 0.5);
        ArrayNode mentions = entity.putArray("mentions");
        for (String text : texts) {
            for (String field : new String[] {"headline", "body"}) {
                String in = article.get(field).asText();
                for (int at = in.indexOf(text); at >= 0; at = in.indexOf(text, at + text.length())) {
                    if (!inside(mentions, field, at, at + text.length())) {
                        mentions.addObject().put("field", field).put("start", at).put("end", at + text.length())
                                .put("text", text);
                    }
                }
            }
        }
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("no mention of " + name + " in the text");
        }
        return this;
    }

    private static boolean inside(ArrayNode mentions, String field, int start, int end) {
        for (var m : mentions) {
            if (m.get("field").asText().equals(field) && start < m.get("end").asInt() && end > m.get("start").asInt()) {
                return true;
            }
        }
        return false;
    }

    TaggedCopy number(String text, double value, String kind, String qualifier, String counted) {
        ObjectNode n = place(((ArrayNode) article.get("numbers")).addObject(), text);
        n.put("value", value).put("kind", kind).put("qualifier", qualifier);
        if (counted != null) {
            n.put("counted", counted);
        }
        return this;
    }

    TaggedCopy money(String text, double value, String currency) {
        place(((ArrayNode) article.get("numbers")).addObject(), text)
                .put("value", value).put("kind", "MONEY").put("qualifier", "EXACT").put("currency", currency);
        return this;
    }

    TaggedCopy date(String text, String type, String value) {
        place(((ArrayNode) article.get("dates")).addObject(), text).put("type", type).put("value", value);
        return this;
    }

    private ObjectNode place(ObjectNode tag, String text) {
        for (String field : new String[] {"headline", "body"}) {
            int at = article.get(field).asText().indexOf(text);
            if (at >= 0) {
                return tag.put("field", field).put("start", at).put("end", at + text.length()).put("text", text);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not in the text");
    }

    /** A subject the provider filed the article under. */
    TaggedCopy subject(String code, String name, String scheme) {
        ObjectNode subject = (article.has("subjects") ? (ArrayNode) article.get("subjects") : article.putArray("subjects"))
                .addObject();
        if (code != null) {
            subject.put("code", code).put("scheme", scheme);
        }
        subject.put("name", name);
        return this;
    }

    TaggedCopy byline(String byline) {
        article.put("byline", byline);
        return this;
    }

    String id() {
        return article.get("id").asText();
    }

    String json() {
        return article.toString();
    }
}
