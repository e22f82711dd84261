package news.wire.query.api;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.search.ArticleQuery;
import news.wire.query.search.InvalidParameterException;
import news.wire.query.watches.WebhookAddresses;

/**
 * Reads the body of POST and PUT /v1/watches: a {@code name}, an optional {@code webhook} and the filters of GET /v1/articles under their
 * parameter names, read and refused by the very code that reads a search ({@link ArticleSearchParams}), so a bad
 * filter is the same 400 naming the same parameter.
 */
@ApplicationScoped
public class WatchRequest {

    /** What orders or pages a search's answer: a watch is matched article by article, so it has none of these. */
    static final Set<String> PAGE_PARAMETERS = Set.of("sort", "cursor", "size", "highlight", "facets", "interval");
    static final int MOST_NAME_CHARACTERS = 200;
    static final int MOST_URL_CHARACTERS = 2_000;
    private static final String WEBHOOK = "webhook";

    /**
     * A body read: the watch's name, its filters as given (blank ones left out), the search they make, and the
     * webhook's URL (null for none).
     */
    public record Read(String name, ObjectNode filters, ArticleQuery query, String webhookUrl) {
    }

    private final ObjectMapper json;
    private final Validator validator;
    private final Set<String> filterNames;
    private final WebhookAddresses addresses;

    public WatchRequest(ObjectMapper json, Validator validator, WebhookAddresses addresses) {
        this.json = json;
        this.validator = validator;
        this.addresses = addresses;
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(ArticleSearchParams.class.getFields()).map(f -> f.getAnnotation(QueryParam.class))
                .filter(p -> p != null && !PAGE_PARAMETERS.contains(p.value())).forEach(p -> names.add(p.value()));
        this.filterNames = Set.copyOf(names);
    }

    public Read read(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidParameterException("name", "the body must be a JSON object with a name and filters");
        }
        JsonNode nameNode = object.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText().trim() : "";
        if (name.isEmpty() || name.length() > MOST_NAME_CHARACTERS
                || !name.matches(KeyResource.NO_CONTROLS)) {
            throw new InvalidParameterException("name", "must be text of 1 to " + MOST_NAME_CHARACTERS
                    + " characters without control characters");
        }
        ObjectNode filters = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("name") || key.equals(WEBHOOK) || field.getValue().isNull()) {
                continue;
            }
            if (PAGE_PARAMETERS.contains(key)) {
                throw new InvalidParameterException(key, "a watch takes filters only: it has no order, page or facets");
            }
            if (!filterNames.contains(key)) {
                // A misspelt filter would otherwise make a watch wider than asked, silently.
                throw new InvalidParameterException(key, "not a filter of GET /v1/articles");
            }
            JsonNode value = field.getValue();
            if (key.equals("source") && value.isTextual()) {
                // One source as text, as a single ?source= is: stored as the list a search reads.
                value = json.createArrayNode().add(value);
            }
            filters.set(key, value);
        }
        ArticleSearchParams params;
        try {
            params = json.treeToValue(filters, ArticleSearchParams.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidParameterException(fieldOf(e, filters), "must be text (source: text or a list of text)");
        }
        var violations = validator.validate(params);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Read(name, filters, params.toQuery(), webhookUrl(object.get(WEBHOOK)));
    }

    /** The webhook's URL, checked against the address rules; null when the body has no webhook. */
    private String webhookUrl(JsonNode webhook) {
        if (webhook == null || webhook.isNull()) {
            return null;
        }
        JsonNode url = webhook.get("url");
        if (!webhook.isObject() || webhook.size() != 1 || url == null || !url.isTextual()
                || url.asText().length() > MOST_URL_CHARACTERS) {
            throw new InvalidParameterException(WEBHOOK, "must be {\"url\": \"https://…\"} (a URL of at most "
                    + MOST_URL_CHARACTERS + " characters)");
        }
        try {
            addresses.check(url.asText().trim());
        } catch (WebhookAddresses.RefusedException e) {
            throw new InvalidParameterException(WEBHOOK + ".url", e.getMessage());
        }
        return url.asText().trim();
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The filter a value could not be read for: the first whose value is neither text, a number nor a list. */
    private static String fieldOf(Exception e, ObjectNode filters) {
        for (Iterator<Map.Entry<String, JsonNode>> it = filters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            boolean sourceList = field.getKey().equals("source") && value.isArray();
            if (value.isContainerNode() && !sourceList || sourceList && !allText(value)) {
                return field.getKey();
            }
        }
        return filters.fieldNames().hasNext() ? filters.fieldNames().next() : "name";
    }
}
