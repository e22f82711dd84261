package news.wire.query.watches;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A saved search: its name, the filters of GET /v1/articles it was given (as given), and its webhook when it has
 * one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Watch(String id, String name, ObjectNode filters, Webhook webhook, Instant createdAt,
                    Instant updatedAt) {

    /**
     * Where matches are posted, and how that goes: {@code secret} only in the answer that made it, the delivery
     * state ({@code paused}, {@code failures} in a row, {@code lastError}, {@code deliveredSeq}, {@code pending})
     * when read.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(String url, String secret, Boolean paused, Integer failures, String lastError,
                          Long deliveredSeq, Long pending) {

        public Webhook withState(WebhookDeliveries.State state, long pending) {
            return new Webhook(url, secret, state.paused(), state.failures(), state.lastError(), state.deliveredSeq(),
                    pending);
        }
    }

    /** The watch of a stored document, its webhook's secret left out. */
    static Watch of(JsonNode w) {
        JsonNode hook = w.path("webhook");
        Webhook webhook = hook.hasNonNull("url")
                ? new Webhook(hook.get("url").asText(), null, null, null, null, null, null) : null;
        return new Watch(w.path("id").asText(), w.path("name").asText(), (ObjectNode) w.path("filters"), webhook,
                Instant.parse(w.path("createdAt").asText()), Instant.parse(w.path("updatedAt").asText()));
    }

    public Watch withWebhook(Webhook hook) {
        return new Watch(id, name, filters, hook, createdAt, updatedAt);
    }
}
