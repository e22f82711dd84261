package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import news.wire.deploy.bbc.BbcCorpus;
import news.wire.deploy.reuters.ArticleSubmission;
import news.wire.deploy.reuters.ReutersCorpus;
import news.wire.deploy.reuters.ReutersStory;
import news.wire.deploy.reuters.StoryTally;

/**
 * Reuters-21578 and BBC News stories, handed out alternately so every phase sees the same mix (short Reuters
 * items, longer BBC features). Each post carries a run marker and a sequence number in its provider id and at the
 * end of its body, so no post is a duplicate even when a corpus comes round again.
 */
public final class BenchArticles {


    private final List<ArticleSubmission> reuters;
    private final List<ArticleSubmission> bbc;
    private final String run;
    private final AtomicLong sequence = new AtomicLong();

    private BenchArticles(List<ArticleSubmission> reuters, List<ArticleSubmission> bbc, String run) {
        this.reuters = reuters;
        this.bbc = bbc;
        this.run = run;
    }

    /** Both corpora, or whichever is present; null (with the reason on stderr) when neither is. */
    public static BenchArticles load(Path reutersFolder, Path bbcFolder, String run) throws IOException {
        List<ArticleSubmission> reuters = new ArrayList<>();
        if (Files.isDirectory(reutersFolder)) {
            try (Stream<ReutersStory> stories = ReutersCorpus.in(reutersFolder).stories(new StoryTally())) {
                stories.forEach(s -> reuters.add(ArticleSubmission.of(s)));
            }
        }
        List<ArticleSubmission> bbc = BbcCorpus.read(bbcFolder);
        if (reuters.isEmpty() && bbc.isEmpty()) {
            System.err.println("e2e-figures: no corpus at " + reutersFolder + " or " + bbcFolder + "; nothing to post.");
            return null;
        }
        if (reuters.isEmpty() || bbc.isEmpty()) {
            System.err.println("e2e-figures: only " + (reuters.isEmpty() ? "BBC News" : "Reuters-21578")
                    + " found; posting that alone.");
        }
        return new BenchArticles(reuters, bbc, run);
    }

    int reutersCount() {
        return reuters.size();
    }

    int bbcCount() {
        return bbc.size();
    }

    /** The next post: Reuters and BBC in turn, each corpus cycling on its own, made unique by the marker. */
    public ArticleSubmission next() {
        long n = sequence.getAndIncrement();
        List<ArticleSubmission> corpus = bbc.isEmpty() || (!reuters.isEmpty() && n % 2 == 0) ? reuters : bbc;
        ArticleSubmission story = corpus.get((int) ((n / (reuters.isEmpty() || bbc.isEmpty() ? 1 : 2)) % corpus.size()));
        return new ArticleSubmission(story.headline(), story.body() + "\n\n(e2e" + run + "n" + n + ")", story.source(),
                story.publishedAt(), story.language(), "e2ebench:" + run + ":" + n);
    }

    /** The word that makes {@code post} unique, searchable by itself: "e2e" + run + "n" + sequence. */
    static String marker(ArticleSubmission post) {
        String[] parts = post.sourceItemId().split(":");
        return "e2e" + parts[1] + "n" + parts[2];
    }
}
