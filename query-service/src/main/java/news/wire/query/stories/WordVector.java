package news.wire.query.stories;

import java.util.Arrays;
import java.util.Map;

/**
 * Weighted content words as a sparse vector: each word's 64-bit hash, sorted, beside its weight. An article is
 * compared with every story near it, and a pooled story holds thousands of words: two sorted arrays make a cosine
 * a pass of primitive comparisons (no string hashing or boxing), and pooling a merge. Two words sharing a 64-bit
 * hash among a vocabulary of a million would be a one-in-ten-million event, and it would only nudge one score.
 */
final class WordVector {

    static final WordVector EMPTY = new WordVector(new long[0], new double[0]);

    private final long[] words;
    private final double[] weights;
    private final double squares;

    private WordVector(long[] words, double[] weights) {
        this.words = words;
        this.weights = weights;
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        this.squares = sum;
    }

    /** The vector of these word weights. */
    static WordVector of(Map<String, Double> weighted) {
        long[] words = new long[weighted.size()];
        int n = 0;
        for (String word : weighted.keySet()) {
            words[n++] = hash(word);
        }
        Arrays.sort(words);
        double[] weights = new double[n];
        for (Map.Entry<String, Double> e : weighted.entrySet()) {
            weights[Arrays.binarySearch(words, hash(e.getKey()))] += e.getValue();
        }
        return new WordVector(words, weights);
    }

    /** The sum of the two vectors, each scaled first. */
    static WordVector sum(WordVector a, double scaleA, WordVector b, double scaleB) {
        long[] words = new long[a.words.length + b.words.length];
        double[] weights = new double[words.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.words.length || j < b.words.length) {
            if (j == b.words.length || i < a.words.length && a.words[i] < b.words[j]) {
                words[n] = a.words[i];
                weights[n++] = a.weights[i++] * scaleA;
            } else if (i == a.words.length || b.words[j] < a.words[i]) {
                words[n] = b.words[j];
                weights[n++] = b.weights[j++] * scaleB;
            } else {
                words[n] = a.words[i];
                weights[n++] = a.weights[i++] * scaleA + b.weights[j++] * scaleB;
            }
        }
        return new WordVector(Arrays.copyOf(words, n), Arrays.copyOf(weights, n));
    }

    /** Cosine of two vectors: 1 for the same words in the same proportions, 0 for none in common. */
    double cosine(WordVector other) {
        if (words.length == 0 || other.words.length == 0) {
            return 0;
        }
        WordVector small = words.length <= other.words.length ? this : other;
        WordVector large = small == this ? other : this;
        double dot = 0;
        int from = 0;
        // Both sorted: each search starts where the last one ended.
        for (int i = 0; i < small.words.length && from < large.words.length; i++) {
            int at = Arrays.binarySearch(large.words, from, large.words.length, small.words[i]);
            if (at >= 0) {
                dot += small.weights[i] * large.weights[at];
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        return dot / Math.sqrt(squares * other.squares);
    }

    /** Sum of the squared weights. */
    double squares() {
        return squares;
    }

    /** The weight of one word, 0 when absent. */
    double weight(String word) {
        int at = Arrays.binarySearch(words, hash(word));
        return at >= 0 ? weights[at] : 0;
    }

    /** 64-bit FNV-1a over the characters, then a finalising mix so that close words spread over the range. */
    private static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
