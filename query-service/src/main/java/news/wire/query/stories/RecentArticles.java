package news.wire.query.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Articles placed in stories in the last few seconds. Elasticsearch makes a write searchable only at its next
 * refresh (every 500 ms), so the batch after this one could not find them there; without this memory, two copies of
 * one event arriving in consecutive batches would start two stories.
 */
final class RecentArticles {

    private static final Duration KEPT_FOR = Duration.ofSeconds(10);
    /**
     * Only the last refresh interval matters; 10 seconds is margin. When the indexer catches up on a backlog it places
     * hundreds of articles a second, and 5,000 whole profiles (body and word counts, 20 to 30 KB each) could take half
     * of a 256 MB heap. 2,000 candidate profiles (a few KB each) still cover two seconds at 1,000 articles a second.
     */
    static final int MOST_KEPT = 2_000;

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Keeps the article as later ones are matched against it: without its body text and word counts. */
    synchronized void remember(ArticleProfile article) {
        entries.addLast(new Entry(System.nanoTime(), article.asCandidate()));
        while (entries.size() > MOST_KEPT) {
            entries.removeFirst();
        }
    }

    /** The story an article was placed in a moment ago: a replay or a new version of it stays there. */
    synchronized Optional<String> storyOf(String articleId) {
        forgetOld();
        for (var it = entries.descendingIterator(); it.hasNext(); ) {
            ArticleProfile a = it.next().article();
            if (a.id().equals(articleId)) {
                return Optional.of(a.storyId());
            }
        }
        return Optional.empty();
    }

    /** Recent articles published within the window of the given time. */
    synchronized List<ArticleProfile> near(Instant publishedAt, Duration window) {
        forgetOld();
        List<ArticleProfile> near = new ArrayList<>();
        for (Entry e : entries) {
            if (e.article().within(window, publishedAt)) {
                near.add(e.article());
            }
        }
        return near;
    }

    synchronized int size() {
        return entries.size();
    }

    private void forgetOld() {
        long oldest = System.nanoTime() - KEPT_FOR.toNanos();
        while (!entries.isEmpty() && entries.peekFirst().at() - oldest < 0) {
            entries.removeFirst();
        }
    }

    private record Entry(long at, ArticleProfile article) {
    }
}
