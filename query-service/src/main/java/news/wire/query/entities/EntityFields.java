package news.wire.query.entities;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of an article's entity that its mentions decide ({@code mentionCount}, {@code aliases}, and the id of
 * records that lack one): set when the article is indexed, and again when resolution joins two entries into one.
 */
public final class EntityFields {

    private EntityFields() {
    }

    /** Sets the derived fields of one entity from its mentions, in place. */
    public static void derive(ObjectNode entity) {
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
