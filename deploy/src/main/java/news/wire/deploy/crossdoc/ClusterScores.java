package news.wire.deploy.crossdoc;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a system clustering of items matches a gold one: B-cubed (Bagga and Baldwin 1998) and pairwise
 * precision, recall and F1. Both clusterings must cover the same items.
 *
 * <p>B-cubed, per item: precision = |its system cluster ∩ its gold cluster| / |its system cluster|, recall the same
 * over |its gold cluster|; each averaged over all items. Pairwise: over all pairs of items, a pair is predicted when
 * both are in one system cluster and true when both are in one gold cluster. With no predicted (or no true) pair,
 * pairwise precision (or recall) is undefined, reported as NaN.
 */
public record ClusterScores(int items, double bcubedPrecision, double bcubedRecall, double pairPrecision,
                            double pairRecall) {

    public double bcubedF1() {
        return f1(bcubedPrecision, bcubedRecall);
    }

    public double pairF1() {
        return f1(pairPrecision, pairRecall);
    }

    /** Scores {@code system} against {@code gold}; both map each item to its cluster. */
    public static <I, G, S> ClusterScores of(Map<I, G> gold, Map<I, S> system) {
        if (!gold.keySet().equals(system.keySet())) {
            throw new IllegalArgumentException("gold and system clusterings cover different items");
        }
        Map<G, Integer> goldSizes = new HashMap<>();
        Map<S, Integer> systemSizes = new HashMap<>();
        Map<Map.Entry<G, S>, Integer> both = new HashMap<>();
        gold.forEach((item, g) -> {
            S s = system.get(item);
            goldSizes.merge(g, 1, Integer::sum);
            systemSizes.merge(s, 1, Integer::sum);
            both.merge(Map.entry(g, s), 1, Integer::sum);
        });
        double precision = 0;
        double recall = 0;
        for (Map.Entry<I, G> item : gold.entrySet()) {
            S s = system.get(item.getKey());
            int shared = both.get(Map.entry(item.getValue(), s));
            precision += (double) shared / systemSizes.get(s);
            recall += (double) shared / goldSizes.get(item.getValue());
        }
        int n = gold.size();
        long truePairs = both.values().stream().mapToLong(ClusterScores::pairs).sum();
        long goldPairs = goldSizes.values().stream().mapToLong(ClusterScores::pairs).sum();
        long systemPairs = systemSizes.values().stream().mapToLong(ClusterScores::pairs).sum();
        return new ClusterScores(n, n == 0 ? Double.NaN : precision / n, n == 0 ? Double.NaN : recall / n,
                systemPairs == 0 ? Double.NaN : (double) truePairs / systemPairs,
                goldPairs == 0 ? Double.NaN : (double) truePairs / goldPairs);
    }

    private static long pairs(int size) {
        return (long) size * (size - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
