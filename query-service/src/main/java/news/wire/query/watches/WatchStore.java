package news.wire.query.watches;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.MissingIndex;
import news.wire.query.search.ArticleQuery;

/**
 * Watches in {@code watches-v1}: each document holds the watch's filters as given and the {@link ArticleQuery} they
 * were read into, from which the matcher builds the query as a search would. Writes wait for the refresh, so a watch
 * is listed, and matched by this instance, as soon as its 201 is sent.
 */
@ApplicationScoped
public class WatchStore {

    /** The index of the watches (src/main/resources/elasticsearch/watches-index.json). */
    public static final String INDEX = "watches-v1";
    /** Most watches listed at once by the API. */
    static final int MOST_LISTED = 1_000;
    private static final int PAGE = 1_000;
    private static final String SEARCH = "search";
    /** Marks a webhook secret in logs and secret scanners. */
    private static final String SECRET_PREFIX = "whsec_";

    private final ElasticsearchClient client;
    private final WatchIndex index;
    private final ObjectMapper json;
    private final AtomicLong generation = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    public WatchStore(ElasticsearchClient client, WatchIndex index, ObjectMapper json) {
        this.client = client;
        this.index = index;
        this.json = json;
    }

    /** A watch's search as stored, for matching; {@code updatedAt} tells a changed watch. */
    public record StoredSearch(String id, Instant updatedAt, ArticleQuery search) {
    }

    /** Where a webhook posts, and the secret it signs with. */
    public record WebhookTarget(String watchId, String url, String secret) {
    }

    /** A new watch; its webhook (when {@code webhookUrl} is given) with the secret, shown this once. */
    public Watch create(String name, ObjectNode filters, ArticleQuery query, String webhookUrl) throws IOException {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        WebhookTarget target = webhookUrl == null ? null : new WebhookTarget(id, webhookUrl, newSecret());
        return write(new Watch(id, name, filters, null, now, now), query, target, true);
    }

    /**
     * The watch with new name, filters and webhook, or empty when there is no such watch. A webhook to the same URL
     * keeps its secret (not shown); a new URL gets a new one, shown this once.
     */
    public Optional<Watch> replace(String id, String name, ObjectNode filters, ArticleQuery query, String webhookUrl)
            throws IOException {
        GetResponse<ObjectNode> found = MissingIndex.orNull(() -> client.get(g -> g.index(INDEX).id(id),
                ObjectNode.class));
        if (found == null || !found.found()) {
            return Optional.empty();
        }
        ObjectNode old = found.source();
        WebhookTarget target = null;
        boolean newSecret = false;
        if (webhookUrl != null) {
            boolean sameUrl = webhookUrl.equals(old.path("webhook").path("url").asText(null));
            newSecret = !sameUrl;
            target = new WebhookTarget(id, webhookUrl, sameUrl ? old.path("webhook").path("secret").asText()
                    : newSecret());
        }
        Watch watch = new Watch(id, name, filters, null, Instant.parse(old.path("createdAt").asText()), Instant.now());
        return Optional.of(write(watch, query, target, newSecret));
    }

    /** Every watch's webhook. */
    public List<WebhookTarget> webhooks() throws IOException {
        List<WebhookTarget> all = new ArrayList<>();
        for (ObjectNode w : all(List.of("id", "webhook"))) {
            if (w.path("webhook").hasNonNull("url")) {
                all.add(new WebhookTarget(w.path("id").asText(), w.path("webhook").path("url").asText(),
                        w.path("webhook").path("secret").asText()));
            }
        }
        return all;
    }

    private String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public Optional<Watch> find(String id) throws IOException {
        GetResponse<ObjectNode> found = MissingIndex.orNull(() -> client.get(g -> g.index(INDEX).id(id)
                .sourceExcludes(SEARCH, "webhook.secret"), ObjectNode.class));
        return found == null || !found.found() ? Optional.empty() : Optional.of(Watch.of(found.source()));
    }

    /** The watches, oldest first. */
    public List<Watch> list() throws IOException {
        var response = MissingIndex.orNull(() -> client.search(s -> s.index(INDEX).size(MOST_LISTED)
                .source(src -> src.filter(f -> f.excludes(SEARCH, "webhook.secret")))
                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc))), ObjectNode.class));
        return response == null ? List.of()
                : response.hits().hits().stream().map(Hit::source).map(Watch::of).toList();
    }

    /** True when the watch was there. Its matches stay in the match index, no longer served. */
    public boolean delete(String id) throws IOException {
        var response = MissingIndex.orNull(() -> client.delete(d -> d.index(INDEX).id(id)
                .refresh(Refresh.WaitFor)));
        generation.incrementAndGet();
        return response != null && "deleted".equals(response.result().jsonValue());
    }

    /** Every watch's search. */
    public List<StoredSearch> searches() throws IOException {
        List<StoredSearch> all = new ArrayList<>();
        for (ObjectNode w : all(List.of("id", "updatedAt", SEARCH))) {
            all.add(new StoredSearch(w.path("id").asText(), Instant.parse(w.path("updatedAt").asText()),
                    json.treeToValue(w.path(SEARCH), ArticleQuery.class)));
        }
        return all;
    }

    /** These fields of every watch, all pages. */
    private List<ObjectNode> all(List<String> fields) throws IOException {
        List<ObjectNode> all = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            var response = MissingIndex.orNull(() -> client.search(s -> {
                s.index(INDEX).size(PAGE).source(src -> src.filter(f -> f.includes(fields)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                return from == null ? s : s.searchAfter(from);
            }, ObjectNode.class));
            if (response == null) {
                return all;
            }
            response.hits().hits().forEach(h -> all.add(h.source()));
            if (response.hits().hits().size() < PAGE) {
                return all;
            }
            after = response.hits().hits().get(PAGE - 1).sort();
        }
    }

    /**
     * How many watches there are and the latest {@code updatedAt} among them: one small search that tells whether
     * any watch was created, saved or deleted (through any instance) since the mark was last taken, so the watches
     * need not be read again when none was. A save stamped earlier than the latest (another instance's clock behind)
     * goes unseen here; readers also read everything again now and then for that.
     */
    public ChangeMark changeMark() throws IOException {
        var response = MissingIndex.orNull(() -> client.search(s -> s.index(INDEX).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations("newest", a -> a.max(m -> m.field("updatedAt"))), Void.class));
        if (response == null) {
            return new ChangeMark(0, null);
        }
        var newest = response.aggregations().get("newest");
        Double value = newest == null ? null : newest.max().value();
        return new ChangeMark(response.hits().total() == null ? -1 : response.hits().total().value(),
                value == null || value.isNaN() || value.isInfinite() ? null : value);
    }

    /** A watch count and the latest save time (epoch millis, null with none): equal marks, no change seen. */
    public record ChangeMark(long count, Double newest) {
    }

    /** Goes up with each write through this instance, so the matcher reads the watches again at once. */
    public long generation() {
        return generation.get();
    }

    private Watch write(Watch watch, ArticleQuery query, WebhookTarget webhook, boolean showSecret)
            throws IOException {
        index.ensureExists();
        ObjectNode document = json.createObjectNode();
        document.put("id", watch.id()).put("name", watch.name()).put("createdAt", watch.createdAt().toString())
                .put("updatedAt", watch.updatedAt().toString()).set("filters", watch.filters());
        document.set(SEARCH, json.valueToTree(query));
        if (webhook != null) {
            document.putObject("webhook").put("url", webhook.url()).put("secret", webhook.secret());
        }
        client.index(i -> i.index(INDEX).id(watch.id()).document(document).refresh(Refresh.WaitFor));
        generation.incrementAndGet();
        return webhook == null ? watch : watch.withWebhook(new Watch.Webhook(webhook.url(),
                showSecret ? webhook.secret() : null, null, null, null, null, null));
    }
}
