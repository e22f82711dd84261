package news.wire.deploy.crossdoc;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Stories: each article's canonical story against its gold sub-topic. */
record StoryFigures(ClusterScores scores, int articles, int systemStories, int singleArticleStories,
                    int goldStories, int goldSplit, int systemMixed) {

    /** @param gold article id to sub-topic; @param system article id to canonical story id */
    static StoryFigures of(Map<String, String> gold, Map<String, String> system) {
        Map<String, Set<String>> storiesOfGold = new HashMap<>();
        Map<String, Set<String>> goldOfStory = new HashMap<>();
        Map<String, Integer> storySizes = new HashMap<>();
        gold.forEach((article, subTopic) -> {
            String story = system.get(article);
            storiesOfGold.computeIfAbsent(subTopic, g -> new HashSet<>()).add(story);
            goldOfStory.computeIfAbsent(story, s -> new HashSet<>()).add(subTopic);
            storySizes.merge(story, 1, Integer::sum);
        });
        return new StoryFigures(ClusterScores.of(gold, system), gold.size(), storySizes.size(),
                (int) storySizes.values().stream().filter(n -> n == 1).count(), storiesOfGold.size(),
                (int) storiesOfGold.values().stream().filter(s -> s.size() > 1).count(),
                (int) goldOfStory.values().stream().filter(g -> g.size() > 1).count());
    }

    void print(PrintStream out) {
        out.printf("Stories (%d articles, %d gold sub-topics)%n", articles, goldStories);
        out.printf("  B-cubed   P %s  R %s  F1 %s%n", Figures.f(scores.bcubedPrecision()),
                Figures.f(scores.bcubedRecall()), Figures.f(scores.bcubedF1()));
        out.printf("  pairwise  P %s  R %s  F1 %s%n", Figures.f(scores.pairPrecision()),
                Figures.f(scores.pairRecall()), Figures.f(scores.pairF1()));
        out.printf("  system stories %d, of them single-article %d%n", systemStories, singleArticleStories);
        out.printf("  gold sub-topics split over >1 system story: %d of %d%n", goldSplit, goldStories);
        out.printf("  system stories mixing >1 sub-topic: %d%n", systemMixed);
    }
}
