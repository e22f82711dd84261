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
    private final double[] weights;
    private final Map<String, Double> words;

    private StoryCentroid(List<NamedEntity> entities, double[] weights, Map<String, Double> words) {
        this.entities = entities;
        this.weights = weights;
        this.words = words;
    }

    static StoryCentroid of(List<ArticleProfile> articles) {
        List<NamedEntity> entities = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<String, Double> words = new HashMap<>();
        for (ArticleProfile article : articles) {
            for (NamedEntity e : article.entities()) {
                int i = 0;
                while (i < entities.size() && !entities.get(i).sameAs(e)) {
                    i++;
                }
                if (i == entities.size()) {
                    entities.add(e);
                    weights.add(0.0);
                }
                weights.set(i, weights.get(i) + e.weight() / articles.size());
            }
            double length = Math.sqrt(article.words().values().stream().mapToDouble(w -> w * w).sum());
            if (length > 0) {
                article.words().forEach((word, w) -> words.merge(word, w / length, Double::sum));
            }
        }
        return new StoryCentroid(List.copyOf(entities), weights.stream().mapToDouble(Double::doubleValue).toArray(),
                words);
    }

    List<NamedEntity> entities() {
        return entities;
    }

    /** The pooled weight of {@link #entities()}' i-th entity. */
    double weight(int i) {
        return weights[i];
    }

    Map<String, Double> words() {
        return words;
    }
}
