package news.wire.deploy.crossdoc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The entities an enriched article names, each under its canonical id. */
final class SystemEntities {

    /** One entity of one article. */
    record Entity(String id, String type, String name, List<MentionMatch.Tagged> mentions) {
    }

    private SystemEntities() {
    }

    /**
     * The article's entities. The id is the entity's {@code id} canonicalised through query-service; records
     * without one (before entity identity landed) fall back to {@code type:name} in lower case, the identity
     * query-service joins names by today.
     */
    static List<Entity> of(JsonNode article, QueryClient query) throws IOException, InterruptedException {
        List<Entity> entities = new ArrayList<>();
        for (JsonNode entity : article.path("entities")) {
            String type = entity.path("type").asText();
            String name = entity.path("name").asText();
            String id = entity.hasNonNull("id") ? query.canonicalEntity(entity.get("id").asText())
                    : fallbackId(type, name);
            List<MentionMatch.Tagged> mentions = new ArrayList<>();
            for (JsonNode mention : entity.path("mentions")) {
                mentions.add(new MentionMatch.Tagged(mention.path("field").asText(), mention.path("start").asInt(),
                        mention.path("end").asInt(), id));
            }
            entities.add(new Entity(id, type, name, mentions));
        }
        return entities;
    }

    static String fallbackId(String type, String name) {
        return type + ":" + name.toLowerCase(Locale.ROOT);
    }
}
