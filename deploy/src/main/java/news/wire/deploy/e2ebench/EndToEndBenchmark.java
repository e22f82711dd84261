package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.deploy.reuters.IngestClient;

/**
 * Pushes Reuters-21578 and BBC News articles through a running stack (ingest → Kafka → enrich → Kafka → query →
 * Elasticsearch) and prints what it sustains: a phase at a fixed rate, then steps up to find the highest rate that
 * stays sustained, with POST-to-searchable percentiles, lag over time and each process's peak memory; then the same
 * articles straight through Kafka into Elasticsearch, the floor its rate and CPU are compared with.
 */
public final class EndToEndBenchmark {

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String run = Long.toString(Instant.now().getEpochSecond(), 36);
        BenchArticles articles = BenchArticles.load(options.reuters(), options.bbc(), run);
        if (articles == null) {
            return; // no corpus: the reason is printed, and there is nothing to measure
        }
        for (URI service : List.of(options.ingest(), options.enrich(), options.query())) {
            if (!ready(service)) {
                System.err.println("e2e-figures: " + service + " is not up (GET /q/health/ready); start the stack first.");
                System.exit(1);
            }
        }
        StackProcesses processes = StackProcesses.in(options.home());
        SustainRule rule = SustainRule.DEFAULT;

        PhaseRunner[] runner = new PhaseRunner[1];
        SearchWatch watch = new SearchWatch(options.elasticsearch(), options.poll(), (id, nanos) -> runner[0].searchable(id, nanos));
        StackSampler sampler = new StackSampler(options.ingest(), options.enrich(), options.query(), processes, watch::outstanding);
        ApiCrossCheck crossCheck = new ApiCrossCheck(options.query());
        runner[0] = new PhaseRunner(new IngestClient(options.ingest(), new ObjectMapper()), articles, watch, sampler,
                options.workers(), crossCheck, processes);
        Thread watching = new Thread(watch, "e2e-search-watch");
        Thread sampling = new Thread(sampler, "e2e-sampler");
        watching.setDaemon(true);
        sampling.setDaemon(true);
        watching.start();
        sampling.start();

        System.out.printf("machine: %d cores, one-minute load average %.1f at the start%n",
                Runtime.getRuntime().availableProcessors(), Sample.loadAverageNow());
        System.out.printf("corpora: %d Reuters-21578 and %d BBC News stories, posted alternately, run marker %s%n",
                articles.reutersCount(), articles.bbcCount(), run);
        List<PhaseResult> fixed = new ArrayList<>();
        if (options.rate() > 0) {
            System.err.printf("e2e-figures: fixed rate %.0f/s for %d s ...%n", options.rate(), options.fixedFor().toSeconds());
            fixed.add(runner[0].run("fixed", options.rate(), options.fixedFor(), options.warmup(), options.grace()));
        }
        RampSearch search = new RampSearch(options.rampFrom(), options.rampStep(), options.rampTo(), rule);
        List<PhaseResult> steps = new ArrayList<>();
        if (options.ramp()) {
            for (OptionalDouble rate = search.next(steps); rate.isPresent(); rate = search.next(steps)) {
                System.err.printf("e2e-figures: step %.0f/s for %d s ...%n", rate.getAsDouble(), options.stepFor().toSeconds());
                PhaseResult step = runner[0].run(String.format("step %.0f", rate.getAsDouble()), rate.getAsDouble(),
                        options.stepFor(), options.warmup(), options.grace());
                steps.add(step);
                List<String> why = rule.shortfalls(step);
                System.err.println("e2e-figures:   " + (why.isEmpty() ? "sustained" : "not sustained: " + String.join("; ", why)));
            }
        }
        Thread.sleep(1100); // one last sample after the final drain
        sampler.stop();
        watch.stop();
        if (watch.lastError() != null) {
            System.err.println("e2e-figures: the last search for outstanding ids failed: " + watch.lastError());
        }

        List<PhaseResult> all = new ArrayList<>(fixed);
        all.addAll(steps);
        Report report = new Report(System.out, rule);
        System.out.printf("POST to searchable (an Elasticsearch search on the 'articles' alias returns the id), polled "
                + "every %d ms; steady window = posting time minus the first %d s; grace %d s%n%n",
                options.poll().toMillis(), options.warmup().toSeconds(), options.grace().toSeconds());
        report.phases(all);
        System.out.printf("cross-check: %d of %d sampled articles found in Elasticsearch were also found by "
                + "GET /v1/articles?q=<marker>%n", crossCheck.found(), crossCheck.checked());
        if (options.ramp()) {
            report.highest(search.highestSustained(steps), steps);
        }
        List<Sample> samples = sampler.samples();
        report.cpu(all);
        PhaseResult reference = FloorComparison.reference(fixed, steps,
                options.ramp() ? search.highestSustained(steps) : OptionalDouble.empty());
        if (options.floor() > 0 && reference != null) {
            System.err.printf("e2e-figures: floor, %d articles straight to Kafka and Elasticsearch ...%n", options.floor());
            TransportFloor floor = new TransportFloor(options.kafka(), options.elasticsearch(), processes);
            report.floor(FloorComparison.of(reference, floor.run(articles, options.floor(), run)));
        }
        report.overTime(samples, 40);
        report.memory(processes.pids(), processes.peakKiB());
        if (options.csv() != null) {
            TimeSeriesCsv.write(options.csv(), samples);
            System.out.println("\ntime series: " + options.csv());
        }
        if (options.png() != null) {
            LagChart.write(options.png(), samples, "Wire pipeline end to end: rates, backlog and consumer lag");
            System.out.println("chart: " + options.png());
        }
    }

    private static boolean ready(URI service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(service + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
