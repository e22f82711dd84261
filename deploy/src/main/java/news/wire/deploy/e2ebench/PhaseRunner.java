package news.wire.deploy.e2ebench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import news.wire.deploy.reuters.ArticleSubmission;
import news.wire.deploy.reuters.IngestAnswer;
import news.wire.deploy.reuters.IngestClient;
import news.wire.deploy.reuters.IngestFailure;
import news.wire.deploy.reuters.Latencies;
import news.wire.deploy.reuters.Pacer;

/**
 * Runs one phase: POSTs articles at a fixed rate for a while (starts on a schedule, several in flight, so a slow
 * answer does not lower the rate), then waits up to a grace period for every accepted article to become searchable.
 */
final class PhaseRunner {

    private static final int CROSS_CHECKS = 5;

    private final IngestClient ingest;
    private final BenchArticles articles;
    private final SearchWatch watch;
    private final StackSampler sampler;
    private final int workers;
    private final ApiCrossCheck crossCheck;
    private final StackProcesses processes;
    private volatile Tally current;

    PhaseRunner(IngestClient ingest, BenchArticles articles, SearchWatch watch, StackSampler sampler, int workers,
            ApiCrossCheck crossCheck, StackProcesses processes) {
        this.crossCheck = crossCheck;
        this.processes = processes;
        this.ingest = ingest;
        this.articles = articles;
        this.watch = watch;
        this.sampler = sampler;
        this.workers = workers;
    }

    /** For {@link SearchWatch}: an article became searchable {@code nanos} after its POST. */
    void searchable(String id, long nanos) {
        sampler.searchable.incrementAndGet();
        Tally tally = current;
        if (tally != null) {
            tally.searchable(id, nanos);
        }
    }

    PhaseResult run(String name, double rate, Duration posting, Duration warmup, Duration grace)
            throws InterruptedException {
        Tally tally = new Tally();
        current = tally;
        sampler.phase(name, rate);
        Map<String, Long> cpuAtStart = processes.cpuMillis();
        long start = System.nanoTime();
        long end = start + posting.toNanos();
        Pacer pacer = new Pacer(rate);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(() -> post(pacer, end, tally), "e2e-post-" + i);
            threads.add(worker);
            worker.start();
        }
        sleepUntil(start + warmup.toNanos());
        long backlogAtSteadyStart = watch.outstanding();
        long searchableAtSteadyStart = tally.searchableCount.get();
        sleepUntil(end);
        long backlogAtEnd = watch.outstanding();
        long searchableAtEnd = tally.searchableCount.get();
        for (Thread worker : threads) {
            worker.join();
        }
        sampler.phase(name + " drain", 0);
        long graceEnd = System.nanoTime() + grace.toNanos();
        while (watch.outstanding() > 0 && System.nanoTime() < graceEnd) {
            Thread.sleep(100);
        }
        current = null; // from here on, an article found counts as missing from this phase
        for (Map.Entry<String, String> sample : tally.sampled.entrySet()) {
            if (tally.found.contains(sample.getKey())) {
                crossCheck.check(sample.getKey(), sample.getValue());
            }
        }
        // What is still in the pipeline would load the next phase: let it through first, counted in neither.
        sampler.phase(name + " settle", 0);
        long settleEnd = System.nanoTime() + 3 * grace.toNanos();
        while (watch.outstanding() > 0 && System.nanoTime() < settleEnd) {
            Thread.sleep(100);
        }
        watch.forget();
        // Up to here the stack has done all the work this phase's articles asked of it, and nothing else.
        Map<String, Long> cpuUsed = new LinkedHashMap<>();
        processes.cpuMillis().forEach((component, millis) -> {
            if (cpuAtStart.containsKey(component)) {
                cpuUsed.put(component, millis - cpuAtStart.get(component));
            }
        });
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        double steadySeconds = (posting.toNanos() - warmup.toNanos()) / 1e9;
        double maxLag = sampler.samples().stream().filter(s -> s.phase().equals(name)).mapToDouble(Sample::stageLag)
                .max().orElse(Double.NaN);
        return new PhaseResult(name, rate, posting.toNanos() / 1e9, tally.accepted.get(), tally.failures.get(),
                tally.searchableCount.get(), tally.latencies,
                (searchableAtEnd - searchableAtSteadyStart) / steadySeconds, backlogAtSteadyStart, backlogAtEnd, maxLag,
                cpuUsed, wallSeconds);
    }

    private void post(Pacer pacer, long end, Tally tally) {
        try {
            while (true) {
                pacer.awaitTurn();
                if (System.nanoTime() >= end) {
                    return;
                }
                long sent = System.nanoTime();
                try {
                    ArticleSubmission article = articles.next();
                    IngestAnswer answer = ingest.post(article);
                    if (answer.accepted() && answer.id() != null) {
                        tally.sample(answer.id(), BenchArticles.marker(article));
                        watch.watch(answer.id(), sent);
                        tally.accepted.incrementAndGet();
                        sampler.posted.incrementAndGet();
                    } else {
                        tally.fail("HTTP " + answer.status() + " " + answer.problem());
                    }
                } catch (IngestFailure e) {
                    tally.fail(e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    private static final class Tally {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong searchableCount = new AtomicLong();
        final Latencies latencies = new Latencies();
        /** The first few accepted posts (id → marker), to check through the search API once found. */
        final Map<String, String> sampled = new ConcurrentHashMap<>();
        final Set<String> found = ConcurrentHashMap.newKeySet();
        private volatile boolean failureShown;

        void sample(String id, String marker) {
            if (sampled.size() < CROSS_CHECKS) {
                sampled.put(id, marker);
            }
        }

        void searchable(String id, long nanos) {
            if (sampled.containsKey(id)) {
                found.add(id);
            }
            latencies.add(nanos);
            searchableCount.incrementAndGet();
        }

        void fail(String why) {
            failures.incrementAndGet();
            if (!failureShown) {
                failureShown = true;
                System.err.println("e2e-figures: a POST failed: " + why);
            }
        }
    }
}
