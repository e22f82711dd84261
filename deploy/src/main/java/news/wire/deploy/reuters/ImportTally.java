package news.wire.deploy.reuters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What happened to the articles of one import run, counted by every worker. */
final class ImportTally {

    /** How many rejections and failures the report quotes: enough to see the pattern, not a log. */
    static final int QUOTED = 5;

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedArticles = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final List<String> rejections = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Latencies latencies = new Latencies();

    void read(long stories) {
        read.addAndGet(stories);
    }

    void posted(long articles) {
        posted.addAndGet(articles);
    }

    void answered(ArticleSubmission article, IngestAnswer answer) {
        if (answer.accepted()) {
            accepted.incrementAndGet();
        } else if (answer.duplicate()) {
            duplicates.incrementAndGet();
        } else if (answer.rejected()) {
            rejected.incrementAndGet();
            quote(rejections, article.sourceItemId() + " " + answer.status() + " " + answer.problem());
        } else {
            // A line-level 5xx (or any status outside the contract): the article was not stored.
            failedArticles.incrementAndGet();
            quote(failures, article.sourceItemId() + " " + answer.status() + " " + answer.problem());
        }
    }

    /** A request that failed at the HTTP level, taking {@code articles} articles with it. */
    void failed(long articles, String why) {
        failedRequests.incrementAndGet();
        failedArticles.addAndGet(articles);
        quote(failures, why);
    }

    /** Articles a request carried that ingest gave no answer line for. */
    void unanswered(long articles) {
        failedArticles.addAndGet(articles);
    }

    void took(long nanos) {
        latencies.add(nanos);
    }

    private static void quote(List<String> quotes, String why) {
        String text = IngestClient.abbreviate(why);
        synchronized (quotes) {
            if (quotes.size() < QUOTED && !quotes.contains(text)) {
                quotes.add(text);
            }
        }
    }

    long read() {
        return read.get();
    }

    long posted() {
        return posted.get();
    }

    long accepted() {
        return accepted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long rejected() {
        return rejected.get();
    }

    long failedArticles() {
        return failedArticles.get();
    }

    long failedRequests() {
        return failedRequests.get();
    }

    List<String> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    Latencies latencies() {
        return latencies;
    }
}
