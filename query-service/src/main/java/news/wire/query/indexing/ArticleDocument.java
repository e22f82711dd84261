package news.wire.query.indexing;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.entities.ShortForms;

/**
 * Turns an article.enriched/v1 record into the document indexed for it: the record itself plus fields derived
 * for searching, which the mapping indexes but leaves out of {@code _source} (so GET by id returns the record
 * as enrich-service wrote it, with its entity ids resolved across articles): {@code entities[].mentionCount},
 * {@code entities[].aliases} (the names the article used for the entity) and {@code dates[].range}.
 */
public final class ArticleDocument {

    private ArticleDocument() {
    }

    /** Adds the derived fields to the record, in place, and returns it. */
    public static ObjectNode of(ObjectNode article) {
        for (JsonNode entity : article.path("entities")) {
            if (entity instanceof ObjectNode e) {
                deriveEntityFields(e);
            }
        }
        for (JsonNode date : article.path("dates")) {
            if (date instanceof ObjectNode d) {
                MentionedPeriod.of(d.path("type").asText(null), d.path("value").asText(null)).ifPresent(p ->
                        d.putObject("range").put("gte", p.startInstant()).put("lt", p.endInstant()));
            }
        }
        return article;
    }

    /** Sets the derived fields of one entity from its mentions (again, after mentions were joined). */
    public static void deriveEntityFields(ObjectNode entity) {
        if (!entity.hasNonNull("id") && entity.hasNonNull("type") && entity.hasNonNull("name")) {
            // Records of enrichers before 0.3.0 name entities without an id. Close to enrich's own rule (EntityId)
            // for names in Latin script, which is enough to count and find them by id with the rest.
            entity.put("id", entity.get("type").asText().toLowerCase(Locale.ROOT) + ":"
                    + String.join("-", ShortForms.words(entity.get("name").asText())));
        }
        entity.put("mentionCount", Math.max(1, entity.path("mentions").size()));
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode m : entity.path("mentions")) {
            String text = m.path("text").asText("").replaceAll("\\s+", " ").strip();
            if (!text.isEmpty()) {
                names.add(text);
            }
        }
        ArrayNode aliases = entity.putArray("aliases");
        names.forEach(aliases::add);
    }
}
