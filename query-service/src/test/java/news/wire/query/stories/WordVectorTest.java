package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WordVectorTest {

    @Test
    void cosineIsTheCosineOfTheWordWeights() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, Double> a = randomWords(random, 1 + random.nextInt(30));
            Map<String, Double> b = randomWords(random, 1 + random.nextInt(300));
            double dot = 0;
            for (Map.Entry<String, Double> e : a.entrySet()) {
                dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
            }
            double expected = dot / Math.sqrt(squares(a) * squares(b));
            assertEquals(expected, WordVector.of(a).cosine(WordVector.of(b)), 1e-12);
            assertEquals(expected, WordVector.of(b).cosine(WordVector.of(a)), 1e-12);
        }
    }

    @Test
    void aSumAddsTheScaledWeightsOfEachWord() {
        WordVector sum = WordVector.sum(WordVector.of(Map.of("strike", 2.0, "port", 1.0)), 0.5,
                WordVector.of(Map.of("strike", 1.0, "harbour", 3.0)), 2);
        assertEquals(3.0, sum.weight("strike"), 1e-12);
        assertEquals(0.5, sum.weight("port"), 1e-12);
        assertEquals(6.0, sum.weight("harbour"), 1e-12);
        assertEquals(0.0, sum.weight("ferry"), 1e-12);
        assertEquals(9 + 0.25 + 36, sum.squares(), 1e-12);
    }

    @Test
    void nothingInCommonOrNothingAtAllIsZero() {
        assertEquals(0.0, WordVector.of(Map.of("strike", 1.0)).cosine(WordVector.of(Map.of("ferry", 1.0))));
        assertEquals(0.0, WordVector.EMPTY.cosine(WordVector.of(Map.of("ferry", 1.0))));
    }

    private static Map<String, Double> randomWords(Random random, int size) {
        Map<String, Double> words = new HashMap<>();
        while (words.size() < size) {
            words.put("w" + random.nextInt(400), 1 + random.nextInt(5) * 0.5);
        }
        return words;
    }

    private static double squares(Map<String, Double> words) {
        return words.values().stream().mapToDouble(w -> w * w).sum();
    }
}
