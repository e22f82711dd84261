package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Once a second, reads the services' lag gauges from {@code /q/metrics}, the driver's own counters and each
 * process's resident memory, and keeps them as the run's time series.
 */
final class StackSampler implements Runnable {

    private final URI ingestMetrics;
    private final URI enrichMetrics;
    private final URI queryMetrics;
    private final StackProcesses processes;
    private final IntSupplier backlog;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final long start = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    final AtomicLong posted = new AtomicLong();
    final AtomicLong searchable = new AtomicLong();
    private volatile String phase = "idle";
    private volatile double offeredRate;
    private volatile boolean stopped;

    StackSampler(URI ingest, URI enrich, URI query, StackProcesses processes, IntSupplier backlog) {
        this.ingestMetrics = URI.create(ingest + "/q/metrics");
        this.enrichMetrics = URI.create(enrich + "/q/metrics");
        this.queryMetrics = URI.create(query + "/q/metrics");
        this.processes = processes;
        this.backlog = backlog;
    }

    void phase(String name, double rate) {
        phase = name;
        offeredRate = rate;
    }

    void stop() {
        stopped = true;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The newest sample, or null before the first. */
    synchronized Sample latest() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    @Override
    public void run() {
        long lastPosted = 0;
        long lastSearchable = 0;
        for (long second = 1; !stopped; second++) {
            long due = start + second * 1_000_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            long postedNow = posted.get();
            long searchableNow = searchable.get();
            int queued = backlog.getAsInt();
            String ingest = metrics(ingestMetrics);
            String enrich = metrics(enrichMetrics);
            String query = metrics(queryMetrics);
            Sample sample = new Sample(second, phase, offeredRate, postedNow - lastPosted, searchableNow - lastSearchable,
                    queued, PrometheusText.sum(ingest, "ingest_outbox_backlog"),
                    PrometheusText.sum(enrich, "enrich_consumer_lag_records"),
                    PrometheusText.sum(query, "query_indexer_lag_records"), processes.rssKiB(), Sample.loadAverageNow());
            lastPosted = postedNow;
            lastSearchable = searchableNow;
            synchronized (this) {
                samples.add(sample);
            }
        }
    }

    private String metrics(URI uri) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? answer.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
