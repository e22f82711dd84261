package news.wire.query.watches;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An analyzer for gate and verdict tests, and an article's keys through it. */
final class WordsForTests {

    /** Lowercases, drops "the" and a final "s": enough of an analyzer to tell words from tokens. */
    static final WatchGate.Analysis ANALYSIS = (field, text) -> {
        List<String> tokens = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !word.equals("the")) {
                tokens.add(word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
            }
        }
        return tokens;
    };

    private WordsForTests() {
    }

    /** The article's keys, its headline and body analysed as {@link #ANALYSIS} does. */
    static Set<String> keys(ObjectNode article) throws IOException {
        Map<String, Set<String>> terms = Map.of(
                "headline", Set.copyOf(ANALYSIS.tokens("headline", article.path("headline").asText())),
                "body", Set.copyOf(ANALYSIS.tokens("body", article.path("body").asText())));
        return WatchGate.keysOf(article, terms);
    }
}
