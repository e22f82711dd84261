package news.wire.query.watches;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.IndexedBatchListener;
import news.wire.query.indexing.RetryableIndexingException;

/**
 * Matches each indexed batch once against every watch (one multi-search: each watch's query over the batch just
 * written, of the watches whose {@link WatchGate} some article passes and does not decide alone) and appends what it
 * finds to the {@link MatchLog}: a first match of an article, a new version of one the watch had (an update), and a
 * withdrawal of one it had. Runs after the bulk write succeeded and before the
 * offsets are committed, so a failure here reads the batch again: the matches come out once, by their matchId.
 */
@ApplicationScoped
public class WatchMatcher implements IndexedBatchListener {

    /**
     * Watches asked per search, each a named clause: few enough that a search stays far below Elasticsearch's limit
     * on clauses in one query (a watch's query is up to about ten).
     */
    static final int WATCHES_PER_SEARCH = 50;
    /** Searches per multi-search request. */
    static final int SEARCHES_PER_REQUEST = 40;

    private final ElasticsearchClient client;
    private final WatchIndex index;
    private final MatchLog log;
    private final WatchMetrics metrics;
    private final WatchQueries queries;
    private final MatchingIndex matchingIndex;
    private final WebhookDeliverer deliverer;

    public WatchMatcher(ElasticsearchClient client, WatchIndex index, MatchLog log, WatchMetrics metrics,
                        WatchQueries queries, MatchingIndex matchingIndex, WebhookDeliverer deliverer) {
        this.deliverer = deliverer;
        this.client = client;
        this.matchingIndex = matchingIndex;
        this.queries = queries;
        this.index = index;
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void afterIndexing(List<ObjectNode> indexed, List<ObjectNode> held, List<String> withdrawn)
            throws IOException {
        if (indexed.isEmpty() && held.isEmpty() && withdrawn.isEmpty()) {
            return;
        }
        List<WatchQueries.Built> watches = queries.current();
        if (watches.isEmpty()) {
            // No watch, nobody to tell: indexing costs nothing more, and the match index need not exist.
            return;
        }
        long started = System.nanoTime();
        List<ObjectNode> articles = new ArrayList<>(indexed);
        articles.addAll(stillCurrent(held));
        index.ensureExists();
        Map<Integer, List<String>> watchesBySlot = matchBatch(articles, watches);
        long logStarted = System.nanoTime();
        // A first version has no earlier match to update: most of the wire, whose look-up is spared. Read again after
        // a failure, its matches are written under the same matchIds and come out once.
        Set<String> ids = new LinkedHashSet<>(withdrawn);
        articles.stream().filter(a -> a.path("version").asLong(1) > 1).forEach(a -> ids.add(a.path("id").asText()));
        Map<String, WatchMatch> latest = log.latestOf(ids);
        Instant now = Instant.now();
        List<WatchMatch> found = new ArrayList<>();
        for (int slot = 0; slot < articles.size(); slot++) {
            ObjectNode article = articles.get(slot);
            String articleId = article.path("id").asText();
            long version = article.path("version").asLong(1);
            for (String watchId : watchesBySlot.getOrDefault(slot, List.of())) {
                WatchMatch before = latest.get(MatchLog.pair(watchId, articleId));
                boolean had = before != null && !WatchMatch.WITHDRAWN.equals(before.kind());
                if (had && before.version() >= version) {
                    continue;
                }
                String kind = had ? WatchMatch.UPDATED : WatchMatch.MATCHED;
                found.add(new WatchMatch(WatchMatch.idOf(watchId, articleId, version, kind), watchId, articleId,
                        version, kind, log.nextSeq(), now, text(article, "source"), text(article, "headline"),
                        text(article, "publishedAt"), text(article, "storyId")));
            }
        }
        for (WatchMatch before : latest.values()) {
            if (withdrawn.contains(before.articleId()) && !WatchMatch.WITHDRAWN.equals(before.kind())) {
                found.add(new WatchMatch(WatchMatch.idOf(before.watchId(), before.articleId(), before.version(),
                        WatchMatch.WITHDRAWN), before.watchId(), before.articleId(), before.version(),
                        WatchMatch.WITHDRAWN, log.nextSeq(), now, before.source(), before.headline(),
                        before.publishedAt(), before.storyId()));
            }
        }
        List<WatchMatch> announced = log.append(found);
        metrics.matchingPart(WatchMetrics.MatchingPart.LOG, System.nanoTime() - logStarted);
        metrics.announced(announced);
        deliverer.announced(announced);
        metrics.matched(Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Of the documents Elasticsearch already held at their version or a newer one, those it holds at exactly their
     * version: the batch is being read again after a failure that may have come before their matches were written.
     * An older version replayed is not news.
     */
    private List<ObjectNode> stillCurrent(List<ObjectNode> held) throws IOException {
        if (held.isEmpty()) {
            return List.of();
        }
        List<String> ids = held.stream().map(a -> a.path("id").asText()).toList();
        var response = client.mget(m -> m.index(ArticleIndex.ALIAS).ids(ids).source(s -> s.fetch(false)),
                Void.class);
        Map<String, Long> versions = new HashMap<>();
        response.docs().forEach(d -> {
            if (d.isResult() && d.result().found() && d.result().version() != null) {
                versions.put(d.result().id(), d.result().version());
            }
        });
        return held.stream().filter(a -> versions.getOrDefault(a.path("id").asText(), -1L)
                == a.path("version").asLong(1)).toList();
    }

    /**
     * The watches to ask Elasticsearch of these articles, with the articles to hold for them marked in WANTED: each
     * watch whose gate lets some article through, unless its verdict decides every such article, whose matches go
     * straight into BY_SLOT.
     */
    private List<WatchQueries.Built> screen(List<ObjectNode> articles, List<WatchQueries.Built> all,
                                            Map<Integer, List<String>> bySlot, boolean[] wanted) throws IOException {
        Set<String> textFields = new HashSet<>();
        for (WatchQueries.Built watch : all) {
            textFields.addAll(watch.gate().textFields());
            if (watch.verdict() != null) {
                textFields.addAll(watch.verdict().textFields());
            }
        }
        List<Map<String, Set<String>>> terms = matchingIndex.termsOf(articles, textFields);
        List<Set<String>> keys = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            keys.add(WatchGate.keysOf(articles.get(i), terms.get(i)));
        }
        // All the batch's keys first: a watch no article could pass costs one look-up per key of its gate, not one
        // per article.
        Set<String> anyArticle = new HashSet<>();
        keys.forEach(anyArticle::addAll);
        List<WatchQueries.Built> asked = new ArrayList<>();
        int decided = 0;
        for (WatchQueries.Built watch : all) {
            if (!watch.gate().admits(anyArticle)) {
                continue;
            }
            if (watch.verdict() != null && decide(watch, articles, keys, bySlot)) {
                decided++;
                continue;
            }
            boolean passed = false;
            for (int i = 0; i < articles.size(); i++) {
                if ((!passed || !wanted[i]) && watch.gate().admits(keys.get(i))) {
                    wanted[i] = true;
                    passed = true;
                }
            }
            if (passed) {
                asked.add(watch);
            }
        }
        metrics.screened(asked.size(), decided, all.size());
        return asked;
    }

    /**
     * Puts the watch's matches among the articles its gate lets through into BY_SLOT, when its verdict decides them
     * all; false, leaving BY_SLOT as it was, when one holds a value Elasticsearch must read.
     */
    private static boolean decide(WatchQueries.Built watch, List<ObjectNode> articles, List<Set<String>> keys,
                                  Map<Integer, List<String>> bySlot) {
        List<Integer> matched = new ArrayList<>();
        try {
            for (int i = 0; i < articles.size(); i++) {
                if (watch.gate().admits(keys.get(i)) && watch.verdict().matches(articles.get(i), keys.get(i))) {
                    matched.add(i);
                }
            }
        } catch (WatchVerdict.Undecided e) {
            return false;
        }
        matched.forEach(i -> bySlot.computeIfAbsent(i, k -> new ArrayList<>()).add(watch.watchId()));
        return true;
    }

    /**
     * For each article's position in the list, the ids of the watches it matches, asked of the {@link MatchingIndex}
     * holding the articles some watch's {@link WatchGate} lets through, of the watches whose gate some article passes.
     * Each search of the multi-search asks up to {@link #WATCHES_PER_SEARCH} watches at once: those articles' ids as
     * a filter, each watch's query a clause named by the watch's id, and the names each hit matched are its watches.
     * One search per watch cost Elasticsearch a whole search (parse, query and fetch phases, a response) per watch
     * per batch; named clauses cost it one search per 50 watches and a check per clause per hit, and the gates spare
     * it the watches that cannot match, and those whose {@link WatchVerdict} decides (in Java, here).
     */
    private Map<Integer, List<String>> matchBatch(List<ObjectNode> articles, List<WatchQueries.Built> all)
            throws IOException {
        Map<Integer, List<String>> bySlot = new HashMap<>();
        if (articles.isEmpty()) {
            return bySlot;
        }
        long screenStarted = System.nanoTime();
        boolean[] wanted = new boolean[articles.size()];
        List<WatchQueries.Built> watches = screen(articles, all, bySlot, wanted);
        Map<String, Integer> slots = new HashMap<>();
        List<ObjectNode> held = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            if (wanted[i]) {
                slots.put(matchingIndex.idOf(articles.get(i).path("id").asText()), i);
                held.add(articles.get(i));
            }
        }
        long copyStarted = System.nanoTime();
        metrics.matchingPart(WatchMetrics.MatchingPart.SCREEN, copyStarted - screenStarted);
        if (watches.isEmpty()) {
            return bySlot;
        }
        List<String> ids = List.copyOf(slots.keySet());
        Query batch = Query.of(q -> q.ids(i -> i.values(ids)));
        matchingIndex.hold(held);
        long searchStarted = System.nanoTime();
        metrics.matchingPart(WatchMetrics.MatchingPart.COPY, searchStarted - copyStarted);
        int perRequest = WATCHES_PER_SEARCH * SEARCHES_PER_REQUEST;
        for (int from = 0; from < watches.size(); from += perRequest) {
            List<WatchQueries.Built> request = watches.subList(from, Math.min(watches.size(), from + perRequest));
            List<RequestItem> searches = new ArrayList<>();
            List<Set<String>> asked = new ArrayList<>();
            for (int start = 0; start < request.size(); start += WATCHES_PER_SEARCH) {
                List<WatchQueries.Built> group = request.subList(start,
                        Math.min(request.size(), start + WATCHES_PER_SEARCH));
                List<Query> named = new ArrayList<>(group.size());
                Set<String> names = new LinkedHashSet<>();
                for (WatchQueries.Built watch : group) {
                    named.add(Query.of(q -> q.bool(b -> b.filter(watch.query()).queryName(watch.watchId()))));
                    names.add(watch.watchId());
                }
                asked.add(names);
                searches.add(RequestItem.of(r -> r.header(h -> h.index(MatchingIndex.INDEX))
                        .body(b -> b.query(q -> q.bool(bool -> bool.filter(batch).should(named).minimumShouldMatch("1")))
                                .size(ids.size()).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false)))));
            }
            MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
            for (int i = 0; i < searches.size(); i++) {
                MultiSearchResponseItem<Void> item = response.responses().get(i);
                if (item.isFailure()) {
                    throw new RetryableIndexingException("watches " + String.join(", ", asked.get(i))
                            + " not matched: " + item.failure().error().reason());
                }
                for (Hit<Void> hit : item.result().hits().hits()) {
                    Integer slot = slots.get(hit.id());
                    if (slot == null) {
                        continue;
                    }
                    for (String watchId : asked.get(i)) {
                        if (hit.matchedQueries().containsKey(watchId)) {
                            bySlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(watchId);
                        }
                    }
                }
            }
        }
        metrics.matchingPart(WatchMetrics.MatchingPart.SEARCH, System.nanoTime() - searchStarted);
        return bySlot;
    }

    private static String text(JsonNode article, String field) {
        return article.hasNonNull(field) ? article.get(field).asText() : null;
    }
}
