package news.wire.query.watches;

import java.io.IOException;
import java.time.Instant;
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

    /** Most watches listed at once by the API. */
    static final int MOST_LISTED = 1_000;
    private static final int PAGE = 1_000;
    private static final String SEARCH = "search";

    private final ElasticsearchClient client;
    private final WatchIndex index;
    private final ObjectMapper json;
    private final AtomicLong generation = new AtomicLong();

    public WatchStore(ElasticsearchClient client, WatchIndex index, ObjectMapper json) {
        this.client = client;
        this.index = index;
        this.json = json;
    }

    /** A watch's search as stored, for matching; {@code updatedAt} tells a changed watch. */
    public record StoredSearch(String id, Instant updatedAt, ArticleQuery search) {
    }

    public Watch create(String name, ObjectNode filters, ArticleQuery query) throws IOException {
        Instant now = Instant.now();
        Watch watch = new Watch(UUID.randomUUID().toString(), name, filters, now, now);
        write(watch, query);
        return watch;
    }

    /** The watch with new name and filters, or empty when there is no such watch. */
    public Optional<Watch> replace(String id, String name, ObjectNode filters, ArticleQuery query) throws IOException {
        Optional<Watch> old = find(id);
        if (old.isEmpty()) {
            return Optional.empty();
        }
        Watch watch = new Watch(id, name, filters, old.get().createdAt(), Instant.now());
        write(watch, query);
        return Optional.of(watch);
    }

    public Optional<Watch> find(String id) throws IOException {
        GetResponse<ObjectNode> found = MissingIndex.orNull(() -> client.get(g -> g.index(WatchIndex.WATCHES).id(id)
                .sourceExcludes(SEARCH), ObjectNode.class));
        return found == null || !found.found() ? Optional.empty() : Optional.of(Watch.of(found.source()));
    }

    /** The watches, oldest first. */
    public List<Watch> list() throws IOException {
        var response = MissingIndex.orNull(() -> client.search(s -> s.index(WatchIndex.WATCHES).size(MOST_LISTED)
                .source(src -> src.filter(f -> f.excludes(SEARCH)))
                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc))), ObjectNode.class));
        return response == null ? List.of()
                : response.hits().hits().stream().map(Hit::source).map(Watch::of).toList();
    }

    /** True when the watch was there. Its matches stay in the match index, no longer served. */
    public boolean delete(String id) throws IOException {
        var response = MissingIndex.orNull(() -> client.delete(d -> d.index(WatchIndex.WATCHES).id(id)
                .refresh(Refresh.WaitFor)));
        generation.incrementAndGet();
        return response != null && "deleted".equals(response.result().jsonValue());
    }

    /** Every watch's search, all pages. */
    public List<StoredSearch> searches() throws IOException {
        List<StoredSearch> all = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            var response = MissingIndex.orNull(() -> client.search(s -> {
                s.index(WatchIndex.WATCHES).size(PAGE).source(src -> src.filter(f -> f.includes("id", "updatedAt",
                        SEARCH))).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                return from == null ? s : s.searchAfter(from);
            }, ObjectNode.class));
            if (response == null) {
                return all;
            }
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                ObjectNode w = hit.source();
                all.add(new StoredSearch(w.path("id").asText(), Instant.parse(w.path("updatedAt").asText()),
                        json.treeToValue(w.path(SEARCH), ArticleQuery.class)));
            }
            if (response.hits().hits().size() < PAGE) {
                return all;
            }
            after = response.hits().hits().get(PAGE - 1).sort();
        }
    }

    /** Goes up with each write through this instance, so the matcher reads the watches again at once. */
    public long generation() {
        return generation.get();
    }

    private void write(Watch watch, ArticleQuery query) throws IOException {
        index.ensureExists();
        ObjectNode document = json.createObjectNode();
        document.put("id", watch.id()).put("name", watch.name()).put("createdAt", watch.createdAt().toString())
                .put("updatedAt", watch.updatedAt().toString()).set("filters", watch.filters());
        document.set(SEARCH, json.valueToTree(query));
        client.index(i -> i.index(WatchIndex.WATCHES).id(watch.id()).document(document).refresh(Refresh.WaitFor));
        generation.incrementAndGet();
    }
}
