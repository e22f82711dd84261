package news.wire.query.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A story as one article: the entities and words of its articles at hand pooled, so a new article is compared with
 * the story as a whole rather than with each article in turn (see {@link StoryMatcher}).
 *
 * <p>Each entity appears once (the first name seen stands for it: "Benjamin Netanyahu" and a later "Netanyahu" are one)
 * with its weight averaged over the articles, so an entity every article names weighs as much as in one article and an
 * entity one article in four names a quarter of that. Words are the sum of each article's word weights scaled to unit
 * length, so a long article does not outvote short ones. Held for one decision only: nothing is stored.
 */
final class StoryCentroid {

    private final List<NamedEntity> entities;
    private final EntityMatches matches;
    private final double[] weights;
    private final WordVector words;

    private StoryCentroid(List<NamedEntity> entities, EntityMatches matches, double[] weights, WordVector words) {
        this.entities = entities;
        this.matches = matches;
        this.weights = weights;
        this.words = words;
    }

    static StoryCentroid of(List<ArticleProfile> articles) {
        if (articles.size() == 1) {
            // Most stories near an article are one article: its own entities and words are the pool (a cosine does
            // not change with the words' scale), with nothing to copy.
            ArticleProfile only = articles.get(0);
            return new StoryCentroid(only.entities(), new EntityMatches(only.entities()),
                    ArticleSimilarity.weights(only.entities()), only.vector());
        }
        List<NamedEntity> entities = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        WordVector words = WordVector.EMPTY;
        Map<String, List<Integer>> byKey = new HashMap<>();
        Map<String, Integer> byId = new HashMap<>();
        for (ArticleProfile article : articles) {
            for (NamedEntity e : article.entities()) {
                int i = indexOf(e, entities, byKey, byId);
                if (i < 0) {
                    i = entities.size();
                    entities.add(e);
                    weights.add(0.0);
                    byKey.computeIfAbsent(e.matchKey(), k -> new ArrayList<>()).add(i);
                    if (e.id() != null) {
                        byId.putIfAbsent(e.id(), i);
                    }
                }
                weights.set(i, weights.get(i) + e.weight() / articles.size());
            }
            double length = Math.sqrt(article.vector().squares());
            if (length > 0) {
                words = WordVector.sum(words, 1, article.vector(), 1 / length);
            }
        }
        List<NamedEntity> pooled = List.copyOf(entities);
        return new StoryCentroid(pooled, new EntityMatches(pooled),
                weights.stream().mapToDouble(Double::doubleValue).toArray(), words);
    }

    /** The first pooled entity the same as e (as a scan in order would find it), or -1. */
    private static int indexOf(NamedEntity e, List<NamedEntity> entities, Map<String, List<Integer>> byKey,
                               Map<String, Integer> byId) {
        int found = -1;
        Integer sameId = e.id() == null ? null : byId.get(e.id());
        if (sameId != null) {
            found = sameId;
        }
        for (int i : byKey.getOrDefault(e.matchKey(), List.of())) {
            if ((found < 0 || i < found) && entities.get(i).sameAs(e)) {
                found = i;
                break;
            }
        }
        return found;
    }

    /** The pooled entities filed for matching. */
    EntityMatches matches() {
        return matches;
    }

    List<NamedEntity> entities() {
        return entities;
    }

    /** The pooled weight of {@link #entities()}' i-th entity. */
    double weight(int i) {
        return weights[i];
    }

    WordVector words() {
        return words;
    }
}
