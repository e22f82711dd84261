package news.wire.query.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch._types.FieldValue;

/**
 * Where the next page starts: the sort values of the last article shown (search_after), the order they belong to
 * and, for relevance order, the point in time the pages are read from. Opaque to clients: base64url of a small
 * JSON object, checked on the way back in, so a tampered cursor is a 400 and never reaches Elasticsearch raw.
 */
public record SearchCursor(ArticleQuery.Order order, List<FieldValue> after, String pit) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 4096;

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("o", order.name());
        ArrayNode values = node.putArray("a");
        for (FieldValue value : after) {
            switch (value._kind()) {
                case Long -> values.add(value.longValue());
                case Double -> values.add(value.doubleValue());
                case String -> values.add(value.stringValue());
                case Boolean -> values.add(value.booleanValue());
                default -> values.addNull();
            }
        }
        if (pit != null) {
            node.put("p", pit);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, for a search in the given order. */
    public static SearchCursor decode(String cursor, ArticleQuery.Order order) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (Exception e) {
            throw invalid();
        }
        if (node == null || !order.name().equals(node.path("o").asText()) || !node.path("a").isArray()
                || node.path("a").isEmpty()) {
            throw new InvalidParameterException("cursor", "not a cursor of a search with this sort order");
        }
        List<FieldValue> after = new ArrayList<>();
        for (JsonNode value : node.path("a")) {
            if (value.isIntegralNumber()) {
                after.add(FieldValue.of(value.longValue()));
            } else if (value.isNumber()) {
                after.add(FieldValue.of(value.doubleValue()));
            } else if (value.isTextual()) {
                after.add(FieldValue.of(value.textValue()));
            } else {
                throw invalid();
            }
        }
        String pit = node.path("p").isTextual() ? node.path("p").textValue() : null;
        if (order == ArticleQuery.Order.RELEVANCE && pit == null) {
            throw invalid();
        }
        return new SearchCursor(order, after, pit);
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException("cursor", "not a cursor this service issued");
    }
}
