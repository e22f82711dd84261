package news.wire.deploy.reuters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Posts stories to ingest from a number of workers, one article or one NDJSON batch per request. */
final class ImportRun {

    private final ImportOptions options;
    private final IngestClient ingest;
    private final ImportTally tally;
    private final AtomicReference<String> stopped = new AtomicReference<>();
    private final AtomicReference<RuntimeException> broken = new AtomicReference<>();

    ImportRun(ImportOptions options, IngestClient ingest, ImportTally tally) {
        this.options = options;
        this.ingest = ingest;
        this.tally = tally;
    }

    /** Posts the stories and returns once every worker is done; rethrows what broke a worker (a corpus read error). */
    void post(Iterator<ReutersStory> stories) throws InterruptedException {
        Source source = new Source(stories, options.limit());
        Pacer pacer = new Pacer(options.rate());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.concurrency(); i++) {
            Runnable work = options.single() ? () -> postOneByOne(source, pacer) : () -> postInBatches(source);
            Thread worker = new Thread(() -> guard(work), "reuters-import-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (broken.get() != null) {
            throw broken.get();
        }
    }

    /** Why the run stopped before the end of the corpus, or null. */
    String stopped() {
        return stopped.get();
    }

    private void postOneByOne(Source source, Pacer pacer) {
        try {
            for (List<ReutersStory> next = source.next(1); !next.isEmpty() && stopped.get() == null; next = source.next(1)) {
                ArticleSubmission article = ArticleSubmission.of(next.get(0));
                pacer.awaitTurn();
                tally.posted(1);
                long start = System.nanoTime();
                try {
                    IngestAnswer answer = ingest.post(article);
                    tally.took(System.nanoTime() - start);
                    tally.answered(article, answer);
                } catch (IngestFailure failure) {
                    failed(1, failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void postInBatches(Source source) {
        try {
            for (List<ReutersStory> next = source.next(options.batchSize()); !next.isEmpty() && stopped.get() == null;
                    next = source.next(options.batchSize())) {
                List<ArticleSubmission> articles = next.stream().map(ArticleSubmission::of).toList();
                tally.posted(articles.size());
                long start = System.nanoTime();
                try {
                    List<IngestAnswer> answers = ingest.postBatch(articles);
                    tally.took(System.nanoTime() - start);
                    int answered = Math.min(answers.size(), articles.size());
                    for (int i = 0; i < answered; i++) {
                        tally.answered(articles.get(i), answers.get(i));
                    }
                    if (answers.size() != articles.size()) {
                        // Answers are matched to articles by position only: a short or long answer is a broken reply.
                        tally.unanswered(articles.size() - answered);
                        tally.failed(0, "batch of " + articles.size() + " from " + articles.get(0).sourceItemId()
                                + " got " + answers.size() + " answer lines");
                    }
                } catch (IngestFailure failure) {
                    failed(articles.size(), failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(int articles, IngestFailure failure) {
        tally.failed(articles, failure.getMessage());
        if (failure.unreachable()) {
            // Every further request would fail the same way; stop rather than count the whole corpus as failures.
            stopped.compareAndSet(null, failure.getMessage());
        }
    }

    private void guard(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            broken.compareAndSet(null, e);
            stopped.compareAndSet(null, "stopped: " + e);
        }
    }

    /** The corpus, shared by the workers: each takes the next few stories in turn. */
    private final class Source {

        private final Iterator<ReutersStory> stories;
        private long remaining;

        Source(Iterator<ReutersStory> stories, long limit) {
            this.stories = stories;
            this.remaining = limit;
        }

        synchronized List<ReutersStory> next(int count) {
            List<ReutersStory> next = new ArrayList<>(count);
            while (next.size() < count && remaining > 0 && stopped.get() == null && stories.hasNext()) {
                next.add(stories.next());
                remaining--;
            }
            tally.read(next.size());
            return next;
        }
    }
}
