package news.wire.deploy.crossdoc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entities: gold mentions (people, organisations, places in a cross-document chain) against the canonical id of the
 * tagged mention that overlaps each most. Scored over the tagged gold mentions only, so a missed mention costs
 * coverage, not identity.
 */
final class EntityFigures {

    /** One gold mention and, when tagged, the canonical id the stack gave it. */
    record Scored(String key, String chain, String systemId) {
    }

    private final List<Scored> mentions = new ArrayList<>();
    private final Map<String, Map<String, Integer>> chainTexts = new HashMap<>();
    private int named;
    private int namedTagged;

    /** A gold mention: its unique key, chain, text as written, and the canonical id it was tagged with (or null). */
    void add(String key, String chain, String text, String systemIdOrNull) {
        mentions.add(new Scored(key, chain, systemIdOrNull));
        chainTexts.computeIfAbsent(chain, c -> new HashMap<>()).merge(text, 1, Integer::sum);
        // Chains hold pronouns and descriptions ("he", "the actress") that no name tagger finds; capitalised
        // mentions are the ones a tagger could be expected to find.
        if (!text.isEmpty() && Character.isUpperCase(text.codePointAt(0)) && !PRONOUNS.contains(text)) {
            named++;
            if (systemIdOrNull != null) {
                namedTagged++;
            }
        }
    }

    private static final java.util.Set<String> PRONOUNS = java.util.Set.of("He", "She", "It", "They", "We", "I",
            "His", "Her", "Its", "Their", "Our", "Him", "Them", "You", "This", "That", "These", "Those");

    /** The chain's most frequent capitalised mention, to recognise it by (its id says nothing). */
    private String label(String chain) {
        Map<String, Integer> texts = chainTexts.get(chain);
        Comparator<Map.Entry<String, Integer>> byUse = Comparator.comparing(Map.Entry<String, Integer>::getValue)
                .thenComparing(e -> e.getKey().length());
        return texts.entrySet().stream().filter(e -> !e.getKey().isEmpty() && Character.isUpperCase(e.getKey().codePointAt(0)))
                .max(byUse).or(() -> texts.entrySet().stream().max(byUse)).map(Map.Entry::getKey).orElse("?");
    }

    void print(PrintStream out) {
        Map<String, String> gold = new HashMap<>();
        Map<String, String> system = new HashMap<>();
        Map<String, Map<String, Integer>> idsOfChain = new LinkedHashMap<>();
        Map<String, Integer> chainSizes = new HashMap<>();
        for (Scored mention : mentions) {
            chainSizes.merge(mention.chain(), 1, Integer::sum);
            if (mention.systemId() != null) {
                gold.put(mention.key(), mention.chain());
                system.put(mention.key(), mention.systemId());
                idsOfChain.computeIfAbsent(mention.chain(), c -> new TreeMap<>()).merge(mention.systemId(), 1, Integer::sum);
            }
        }
        ClusterScores scores = ClusterScores.of(gold, system);
        double namesPerEntity = idsOfChain.values().stream().mapToInt(Map::size).average().orElse(Double.NaN);
        out.printf("Entities (gold mentions of people, organisations and places in cross-document chains)%n");
        out.printf("  tagged %d of %d gold mentions (%s), in %d of %d chains%n", gold.size(), mentions.size(),
                Figures.f(mentions.isEmpty() ? Double.NaN : (double) gold.size() / mentions.size()),
                idsOfChain.size(), chainSizes.size());
        out.printf("  of the capitalised mentions (names rather than pronouns and descriptions): tagged %d of %d (%s)%n",
                namedTagged, named, Figures.f(named == 0 ? Double.NaN : (double) namedTagged / named));
        out.printf("  B-cubed over tagged mentions  P %s  R %s  F1 %s%n", Figures.f(scores.bcubedPrecision()),
                Figures.f(scores.bcubedRecall()), Figures.f(scores.bcubedF1()));
        out.printf("  names per real-world entity: %.2f (distinct canonical ids per chain, over %d chains)%n",
                namesPerEntity, idsOfChain.size());
        out.printf("  worst chains (most ids):%n");
        idsOfChain.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Map<String, Integer>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(10)
                .forEach(e -> out.printf("    %s \"%s\": %d ids, %d of %d mentions tagged: %s%n", e.getKey(),
                        label(e.getKey()),
                        e.getValue().size(), e.getValue().values().stream().mapToInt(Integer::intValue).sum(),
                        chainSizes.get(e.getKey()), e.getValue()));
    }
}
