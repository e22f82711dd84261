package news.wire.deploy.crossdoc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entity identity against Reuters-21578's document-level codes: the stories coded with one person, organisation or
 * place should all carry one canonical entity of the matching type. For each code: the dominant id among its
 * stories, the share of its stories carrying it (coverage), and how many other ids of that type in those stories
 * share a word with the dominant's name (suspected splits: "Baker" beside "James Baker").
 */
final class ReutersCodeFigures {

    /** Codes of one category and the entity type that should stand for them. */
    enum Category {
        PEOPLE("PERSON"), ORGS("ORGANIZATION"), PLACES("LOCATION");

        final String entityType;

        Category(String entityType) {
            this.entityType = entityType;
        }
    }

    /** One code's figures. */
    record CodeFigures(Category category, String code, int stories, String dominantId, String dominantName,
                       int carrying, int suspectedSplits, List<String> splitNames) {

        double coverage() {
            return stories == 0 ? 0 : (double) carrying / stories;
        }
    }

    /** A story's codes by category, and its entities' canonical ids by type. */
    record CodedStory(Map<Category, List<String>> codes, List<SystemEntities.Entity> entities) {
    }

    private final List<CodedStory> stories = new ArrayList<>();

    void add(CodedStory story) {
        stories.add(story);
    }

    List<CodeFigures> figures() {
        Map<String, Map<String, Integer>> namesOfId = new HashMap<>();
        for (CodedStory story : stories) {
            for (SystemEntities.Entity entity : story.entities()) {
                namesOfId.computeIfAbsent(entity.id(), i -> new HashMap<>()).merge(entity.name(), 1, Integer::sum);
            }
        }
        Map<Category, Map<String, List<CodedStory>>> byCode = new TreeMap<>();
        for (CodedStory story : stories) {
            story.codes().forEach((category, codes) -> codes.forEach(code -> byCode
                    .computeIfAbsent(category, c -> new TreeMap<>()).computeIfAbsent(code, c -> new ArrayList<>())
                    .add(story)));
        }
        List<CodeFigures> figures = new ArrayList<>();
        byCode.forEach((category, codes) -> codes.forEach((code, coded) -> {
            Map<String, Integer> carrying = new HashMap<>();
            for (CodedStory story : coded) {
                story.entities().stream().filter(e -> e.type().equals(category.entityType))
                        .map(SystemEntities.Entity::id).distinct().forEach(id -> carrying.merge(id, 1, Integer::sum));
            }
            // On a tie (common with few stories, each naming several people), the id named like the code wins.
            Set<String> codeWords = words(code.replace('-', ' '));
            String dominant = carrying.entrySet().stream()
                    .max(Comparator.comparing(Map.Entry<String, Integer>::getValue)
                            .thenComparing(e -> words(name(namesOfId.get(e.getKey()))).stream()
                                    .anyMatch(codeWords::contains))
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(null);
            String dominantName = dominant == null ? null : name(namesOfId.get(dominant));
            List<String> splits = new ArrayList<>();
            if (dominant != null) {
                Set<String> words = words(dominantName);
                carrying.keySet().stream().filter(id -> !id.equals(dominant)).sorted().forEach(id -> {
                    String other = name(namesOfId.get(id));
                    if (words(other).stream().anyMatch(words::contains)) {
                        splits.add(other);
                    }
                });
            }
            figures.add(new CodeFigures(category, code, coded.size(), dominant, dominantName,
                    dominant == null ? 0 : carrying.get(dominant), splits.size(), splits));
        }));
        return figures;
    }

    void print(PrintStream out) {
        List<CodeFigures> all = figures();
        List<CodeFigures> scored = all.stream().filter(f -> f.stories() >= 2).toList();
        out.printf("Reuters-21578 codes (%d stories; %d codes, %d of them on at least 2 stories, scored below)%n",
                stories.size(), all.size(), scored.size());
        out.printf("  %-8s %-22s %7s  %-40s %8s %7s%n", "category", "code", "stories", "dominant id", "coverage",
                "splits");
        scored.stream()
                .sorted(Comparator.comparing(CodeFigures::category).thenComparing(f -> -f.stories())
                        .thenComparing(CodeFigures::code))
                .forEach(f -> out.println(row(f)));
        double meanCoverage = scored.stream().mapToDouble(CodeFigures::coverage).average().orElse(Double.NaN);
        int splits = scored.stream().mapToInt(CodeFigures::suspectedSplits).sum();
        out.printf("  summary: mean coverage %s over %d codes, %d suspected splits in all%n", Figures.f(meanCoverage),
                scored.size(), splits);
        out.printf("  worst 10 (lowest coverage, then most splits):%n");
        scored.stream()
                .sorted(Comparator.comparingDouble(CodeFigures::coverage)
                        .thenComparing(f -> -f.suspectedSplits()).thenComparing(f -> -f.stories()))
                .limit(10)
                .forEach(f -> out.println(row(f) + (f.splitNames().isEmpty() ? "" : "  splits: " + f.splitNames())));
    }

    private static String row(CodeFigures f) {
        return String.format(Locale.ROOT, "  %-8s %-22s %7d  %-40s %8s %7d", f.category(), f.code(), f.stories(),
                f.dominantId() == null ? "(none of that type)" : abbreviate(f.dominantId(), 40),
                Figures.f(f.coverage()), f.suspectedSplits());
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The name an id goes by most often. */
    private static String name(Map<String, Integer> names) {
        return names.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<String, Integer>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** Lower-case words of two letters or more, and the name's letters run together ("U.S." gives "us"). */
    static Set<String> words(String name) {
        Set<String> words = new HashSet<>();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2 && !STOP.contains(word)) {
                words.add(word);
            }
        }
        String compact = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        if (compact.length() >= 2) {
            words.add(compact);
        }
        return words;
    }

    private static final Set<String> STOP = Set.of("the", "of", "and", "for", "de", "la", "le", "in", "on", "to");
}
