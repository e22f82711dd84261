package news.wire.query.stories;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.entities.EntityResolver;
import news.wire.query.entities.NearbyEntities;
import news.wire.query.indexing.ArticleBatchListener;

/**
 * Places each article of a batch in a story before it is indexed, by setting {@code storyId}: the story of the
 * nearby articles it matches best (see {@link StoryMatcher}), else a new story whose id is the article's own. A new
 * version of an article keeps the story it is in. Before matching, the article's short forms take the ids of the
 * full entities they stand for among the same nearby articles ({@link EntityResolver}), so matching compares
 * entities by id; after, the registry learns the names each entity was seen under. Per batch: one multi-get, one
 * multi-search (in chunks) and one registry look-up to Elasticsearch, plus registry writes for names not seen
 * before; the rest is computed here.
 *
 * <p>With several indexer instances, each batch is placed and written under the {@link AssignmentLease}, so every
 * article is matched against all articles placed before it by any instance, exactly as with one indexer.
 */
@ApplicationScoped
public class StoryAssigner implements ArticleBatchListener {

    private final StoryCandidates candidates;
    private final EntityResolver resolver;
    private final StoryConfig config;
    private final StoryMatcher matcher;
    private final AssignmentLease lease;
    private final RecentArticles recent = new RecentArticles();

    public StoryAssigner(StoryCandidates candidates, EntityResolver resolver, StoryConfig config,
                         AssignmentLease lease) {
        this.candidates = candidates;
        this.lease = lease;
        this.resolver = resolver;
        this.config = config;
        this.matcher = new StoryMatcher(config.threshold());
    }

    /** Sets {@code storyId} on every article document of the batch (changed in place) and returns the batch. */
    @Override
    public List<ObjectNode> beforeIndexing(List<ObjectNode> batch) throws IOException {
        List<ObjectNode> readable = new ArrayList<>();
        List<ArticleProfile> articles = new ArrayList<>();
        for (ObjectNode document : batch) {
            try {
                articles.add(ArticleProfile.of(document));
                readable.add(document);
            } catch (RuntimeException e) {
                // No usable publication time: a story of its own rather than a batch that can never be indexed.
                document.put("storyId", document.path("id").asText());
            }
        }
        if (articles.isEmpty()) {
            return batch;
        }
        try {
            // Inside: a failure after the lease was taken (its refresh, say) gives it back.
            lease.acquire(config.assignmentLease().multipliedBy(2));
            assign(readable, articles);
        } catch (IOException | RuntimeException e) {
            try {
                lease.release();
            } catch (IOException | RuntimeException notGivenBack) {
                e.addSuppressed(notGivenBack);
            }
            throw e;
        }
        return batch;
    }

    /** Gives the assignment lease back once the batch's articles are written (or failed to be). */
    @Override
    public void batchWritten() throws IOException {
        lease.release();
    }

    private void assign(List<ObjectNode> readable, List<ArticleProfile> articles) throws IOException {
        Map<String, String> placed = new HashMap<>(candidates.storiesOf(articles.stream().map(ArticleProfile::id).toList()));
        List<ArticleProfile> unplaced = articles.stream()
                .filter(a -> !placed.containsKey(a.id()) && recent.storyOf(a.id()).isEmpty())
                .toList();
        Map<String, List<ArticleProfile>> nearby = candidates.near(unplaced);
        EntityResolver.Knowledge known = resolver.lookUp(readable);

        Duration window = config.window();
        List<ArticleProfile> done = new ArrayList<>();
        NearbyEntities nearbyEntities = new NearbyEntities();
        for (int i = 0; i < articles.size(); i++) {
            List<ArticleProfile> around = around(articles.get(i), nearby, done, window);
            for (ArticleProfile a : around) {
                nearbyEntities.add(a.id(), a.publishedAt(), a::entityRefs);
            }
            resolver.resolve(readable.get(i), new EntityResolver.Nearby(nearbyEntities, articles.get(i).publishedAt(),
                    window), known);
            ArticleProfile article = articles.get(i).withEntitiesOf(readable.get(i));
            String storyId = Optional.ofNullable(placed.get(article.id()))
                    .or(() -> recent.storyOf(article.id()))
                    .orElseGet(() -> matcher.bestStory(article, around)
                            .map(StoryMatcher.Match::storyId)
                            .orElse(article.id()));
            placed.put(article.id(), storyId);
            ArticleProfile inStory = article.inStory(storyId);
            done.add(inStory);
            recent.remember(inStory);
            readable.get(i).put("storyId", storyId);
            ObjectNode counts = readable.get(i).putObject(ArticleProfile.WORD_COUNTS);
            article.wordCounts().forEach(counts::put);
        }
        resolver.learn(readable);
    }

    /** Indexed candidates, articles placed a moment ago and earlier articles of this batch; the latest copy wins. */
    private List<ArticleProfile> around(ArticleProfile article, Map<String, List<ArticleProfile>> nearby,
                                        List<ArticleProfile> done, Duration window) {
        Map<String, ArticleProfile> byId = new LinkedHashMap<>();
        for (ArticleProfile a : nearby.getOrDefault(article.id(), List.of())) {
            byId.put(a.id(), a);
        }
        for (ArticleProfile a : recent.near(article.publishedAt(), window)) {
            byId.put(a.id(), a);
        }
        for (ArticleProfile a : done) {
            if (a.within(window, article.publishedAt())) {
                byId.put(a.id(), a);
            }
        }
        return List.copyOf(byId.values());
    }
}
