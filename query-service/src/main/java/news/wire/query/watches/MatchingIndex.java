package news.wire.query.watches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mtermvectors.MultiTermVectorsOperation;
import co.elastic.clients.elasticsearch.core.mtermvectors.MultiTermVectorsResult;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.json.JsonData;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.RetryableIndexingException;

/**
 * The small index watches are matched in: it holds only the batch being matched, with the article index's analysis
 * and mappings, so a watch's query finds there exactly what it would find among those articles in the article index.
 * Matching in the article index itself cost a forced refresh of that index per batch and, for every watch's terms,
 * a look-up in each of its segments; here there is one small segment. Each instance writes under ids of its own
 * (a prefix drawn at start), so instances never match or remove each other's articles; a batch's documents are
 * removed with the next batch's write, so a stopped instance leaves at most one batch behind, which no one reads.
 * It also analyses text as the article index does, for the watches' gates ({@link WatchGate}).
 */
@ApplicationScoped
public class MatchingIndex {

    /** Named after the article index, so a new mapping gets a new working copy. */
    public static final String INDEX = "watch-matching-" + ArticleIndex.INDEX;

    private final ElasticsearchClient client;
    private final ArticleIndex articles;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    /** Words a gate asked about, by field: few distinct ones (the watches' words), asked once each. */
    private final Map<String, List<String>> analysed = new ConcurrentHashMap<>();
    private final ArticleTerms analysis = ArticleTerms.of(ArticleIndex.templateJson());
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
        ensureReady();
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

    /** The tokens the field's analyzer makes of the text. */
    List<String> tokens(String field, String text) throws IOException {
        String key = field + '\u0000' + text;
        List<String> known = analysed.get(key);
        if (known != null) {
            return known;
        }
        ensureReady();
        List<String> tokens = client.indices().analyze(a -> a.index(INDEX).field(field).text(text)).tokens().stream()
                .map(AnalyzeToken::token).toList();
        if (analysed.size() > 100_000) {
            analysed.clear(); // words of watches deleted long ago; asked again when needed
        }
        analysed.put(key, tokens);
        return tokens;
    }

    /**
     * Each article's terms in these text fields, by field, in the order given: as the article index would make them.
     * Made here ({@link ArticleTerms}) where the text reads alike in every Lucene version; the rest asked of the working
     * copy (term vectors of the text alone; nothing is written).
     */
    List<Map<String, Set<String>>> termsOf(List<ObjectNode> batch, Set<String> fields) throws IOException {
        List<Map<String, Set<String>>> terms = new ArrayList<>(batch.size());
        Map<Integer, ObjectNode> askedOfElasticsearch = new LinkedHashMap<>();
        for (ObjectNode article : batch) {
            Map<String, Set<String>> byField = new HashMap<>();
            for (String field : fields) {
                JsonNode text = article.get(field);
                if (text == null || text.isNull()) {
                    continue;
                }
                if (!analysis.reads(field) || !ArticleTerms.readsAlike(text.asText())) {
                    askedOfElasticsearch.put(terms.size(), article);
                    break;
                }
                byField.put(field, analysis.termsOf(field, text.asText()));
            }
            terms.add(byField);
        }
        if (!askedOfElasticsearch.isEmpty()) {
            List<Map<String, Set<String>>> asked = termVectorsOf(List.copyOf(askedOfElasticsearch.values()), fields);
            int i = 0;
            for (int slot : askedOfElasticsearch.keySet()) {
                terms.set(slot, asked.get(i++));
            }
        }
        return terms;
    }

    private List<Map<String, Set<String>>> termVectorsOf(List<ObjectNode> batch, Set<String> fields)
            throws IOException {
        ensureReady();
        List<String> asked = List.copyOf(fields);
        List<MultiTermVectorsOperation> docs = new ArrayList<>(batch.size());
        for (ObjectNode article : batch) {
            ObjectNode text = article.objectNode();
            asked.stream().filter(article::hasNonNull).forEach(field -> text.set(field, article.get(field)));
            docs.add(MultiTermVectorsOperation.of(d -> d.index(INDEX).doc(JsonData.of(text)).fields(asked)
                    .positions(false).offsets(false).payloads(false).termStatistics(false).fieldStatistics(false)));
        }
        List<MultiTermVectorsResult> results = client.mtermvectors(m -> m.index(INDEX).docs(docs)).docs();
        List<Map<String, Set<String>>> terms = new ArrayList<>(results.size());
        for (MultiTermVectorsResult result : results) {
            if (result.error() != null) {
                throw new RetryableIndexingException("batch not analysed for matching: " + result.error().reason());
            }
            Map<String, Set<String>> byField = new HashMap<>();
            result.termVectors().forEach((field, vector) -> byField.put(field, vector.terms().keySet()));
            terms.add(byField);
        }
        return terms;
    }

    private void ensureReady() throws IOException {
        if (!ready) {
            articles.createWorkingCopy(INDEX);
            ready = true;
        }
    }
}
