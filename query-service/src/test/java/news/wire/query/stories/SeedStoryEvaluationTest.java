package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import news.wire.testkit.SharedCopy;

/**
 * The threshold against real copy, without Elasticsearch: the shared seeds must form one story whatever order they
 * arrive in, and no BBC or Reuters article may score enough against the seeds' story to join it, even if published
 * the same day. Prints the figures the threshold was chosen from.
 */
class SeedStoryEvaluationTest {

    private static final double THRESHOLD = Double.parseDouble(StoryConfig.DEFAULT_THRESHOLD);
    private static final Instant DAY = Instant.parse("2024-03-26T06:00:00Z");
    private static final Pattern REUTERS_STORY = Pattern.compile(
            "<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", Pattern.DOTALL);

    private static List<ArticleProfile> seeds;

    @BeforeAll
    static void enrichSeeds() {
        Optional<Path> folder = SharedCopy.folder("seeds");
        assumeTrue(folder.isPresent(), "No shared seeds beside the repository (../shared/seeds or -Dwire.shared)");
        seeds = new ArrayList<>();
        for (Path file : SharedCopy.textFiles(folder.get())) {
            String[] text = SharedCopy.headlineAndBody(file);
            seeds.add(profile("Outlet " + seeds.size(), text[0], text[1]));
        }
    }

    @Test
    void seedsFormOneStoryInEveryOrderOfArrival() {
        StringBuilder matrix = new StringBuilder("Seed similarities:\n");
        for (ArticleProfile a : seeds) {
            for (ArticleProfile b : seeds) {
                matrix.append(String.format(" %.3f", ArticleSimilarity.between(a, b)));
            }
            matrix.append('\n');
        }
        System.out.print(matrix);
        StoryMatcher matcher = new StoryMatcher(THRESHOLD);
        List<List<Integer>> orders = permutations(List.of(0, 1, 2, 3, 4));
        for (List<Integer> order : orders) {
            List<ArticleProfile> placed = new ArrayList<>();
            for (int i : order) {
                ArticleProfile seed = seeds.get(i);
                String story = matcher.bestStory(seed, placed).map(StoryMatcher.Match::storyId).orElse(seed.id());
                placed.add(seed.inStory(story));
            }
            Set<String> stories = new HashSet<>(placed.stream().map(ArticleProfile::storyId).toList());
            assertEquals(1, stories.size(), "seeds arriving in order " + order + " form " + stories.size() + " stories");
        }
    }

    @Test
    void noBbcArticleComesCloseToTheSeedsStory() {
        Optional<Path> corpus = SharedCopy.folder("corpora/bbc_news/bbc");
        assumeTrue(corpus.isPresent(), "No BBC corpus beside the repository (../shared/corpora/bbc_news/bbc)");
        List<Path> files = SharedCopy.textFiles(corpus.get());
        List<ArticleProfile> articles = new ArrayList<>();
        for (int i = 0; i < files.size(); i += 5) {
            String[] text = SharedCopy.headlineAndBody(files.get(i));
            articles.add(profile("BBC", text[0], text[1]));
        }
        assertStayOut("BBC", articles);
    }

    @Test
    void noReutersArticleComesCloseToTheSeedsStory() throws IOException {
        Optional<Path> corpus = SharedCopy.folder("corpora/reuters21578");
        assumeTrue(corpus.isPresent(), "No Reuters-21578 beside the repository (../shared/corpora/reuters21578)");
        List<ArticleProfile> articles = new ArrayList<>();
        for (String file : List.of("reut2-000.sgm", "reut2-011.sgm")) {
            String sgml = Files.readString(corpus.get().resolve(file), StandardCharsets.ISO_8859_1);
            Matcher m = REUTERS_STORY.matcher(sgml);
            for (int n = 0; n < 200 && m.find(); n++) {
                articles.add(profile("Reuters", plain(m.group(1)), plain(m.group(2))));
            }
        }
        assertStayOut("Reuters", articles);
    }

    /** Scored as the matcher would if each were published the seeds' day: the average over the five seeds. */
    private static void assertStayOut(String corpus, List<ArticleProfile> articles) {
        double highest = 0;
        String closest = "";
        for (ArticleProfile a : articles) {
            double average = seeds.stream().mapToDouble(s -> ArticleSimilarity.between(a, s)).average().orElse(0);
            double best = seeds.stream().mapToDouble(s -> ArticleSimilarity.between(a, s)).max().orElse(0);
            if (best > highest) {
                highest = best;
                closest = a.text().lines().findFirst().orElse("");
            }
            assertTrue(average < THRESHOLD, corpus + " article scores " + average + " against the seeds: " + a.text());
        }
        System.out.printf("%s: %d articles; closest to a single seed %.3f (%s)%n", corpus, articles.size(), highest, closest);
    }

    private static ArticleProfile profile(String source, String headline, String body) {
        return ArticleProfile.of(RealEnrichment.get().enrich(source, headline, body, DAY));
    }

    private static String plain(String sgml) {
        return sgml.replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replace("\u0003", "").strip();
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> all = new ArrayList<>();
        for (Integer first : items) {
            List<Integer> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
