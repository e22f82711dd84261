package news.wire.query.watches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.RetryableIndexingException;

/**
 * The small index watches are matched in: it holds only the batch being matched, with the article index's analysis
 * and mappings, so a watch's query finds there exactly what it would find among those articles in the article index.
 * Matching in the article index itself cost a forced refresh of that index per batch and, for every watch's terms,
 * a look-up in each of its segments; here there is one small segment. Each instance writes under ids of its own
 * (a prefix drawn at start), so instances never match or remove each other's articles; a batch's documents are
 * removed with the next batch's write, so a stopped instance leaves at most one batch behind, which no one reads.
 */
@ApplicationScoped
public class MatchingIndex {

    /** Named after the article index, so a new mapping gets a new working copy. */
    public static final String INDEX = "watch-matching-" + ArticleIndex.INDEX;

    private final ElasticsearchClient client;
    private final ArticleIndex articles;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private List<String> held = List.of();
    private volatile boolean ready;

    public MatchingIndex(ElasticsearchClient client, ArticleIndex articles) {
        this.client = client;
        this.articles = articles;
    }

    /** The id the article of this id has here. */
    String idOf(String articleId) {
        return instance + ":" + articleId;
    }

    /**
     * Replaces what this instance held with these articles, searchable once this returns; called from the matching
     * thread only.
     */
    void hold(List<ObjectNode> batch) throws IOException {
        if (!ready) {
            articles.createWorkingCopy(INDEX);
            ready = true;
        }
        List<BulkOperation> operations = new ArrayList<>(held.size() + batch.size());
        List<String> next = new ArrayList<>(batch.size());
        for (ObjectNode article : batch) {
            String id = idOf(article.path("id").asText());
            next.add(id);
            operations.add(BulkOperation.of(op -> op.index(i -> i.id(id).document(article))));
        }
        for (String old : held) {
            if (!next.contains(old)) {
                operations.add(BulkOperation.of(op -> op.delete(d -> d.id(old))));
            }
        }
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.index(INDEX).operations(operations).refresh(Refresh.True));
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 404) {
                // The article index has the batch; reading it again matches it again, once.
                throw new RetryableIndexingException("batch not held for matching: " + item.id() + ": "
                        + item.error().reason());
            }
        }
        held = next;
    }
}
