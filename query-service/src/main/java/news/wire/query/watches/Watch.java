package news.wire.query.watches;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A saved search: its name and the filters of GET /v1/articles it was given, as given. */
public record Watch(String id, String name, ObjectNode filters, Instant createdAt, Instant updatedAt) {

    /** The watch of a stored document. */
    static Watch of(JsonNode w) {
        return new Watch(w.path("id").asText(), w.path("name").asText(), (ObjectNode) w.path("filters"),
                Instant.parse(w.path("createdAt").asText()), Instant.parse(w.path("updatedAt").asText()));
    }
}
