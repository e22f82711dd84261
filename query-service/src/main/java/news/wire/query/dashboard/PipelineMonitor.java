package news.wire.query.dashboard;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Reads the metrics of the three services every few seconds and keeps a few minutes of them, so the dashboard can
 * show rates without a Prometheus server. query-service reads its own registry directly; the other two over HTTP,
 * and a service that does not answer is shown as unreachable rather than failing the page.
 */
@ApplicationScoped
public class PipelineMonitor {

    private static final Logger LOG = Logger.getLogger(PipelineMonitor.class);
    private static final String OWN_METRICS = "registry";
    /** Outcomes of ingest that send an article on down the pipeline (duplicates and stale copies stop there). */
    private static final List<String> ACCEPTED = List.of("created", "new_version", "withdrawn");

    private final DashboardConfig config;
    private final PrometheusMeterRegistry ownRegistry;
    private final HttpClient http;
    private final ServiceHistory ingest;
    private final ServiceHistory enrich;
    private final ServiceHistory index;

    public PipelineMonitor(DashboardConfig config, PrometheusMeterRegistry ownRegistry) {
        this.config = config;
        this.ownRegistry = ownRegistry;
        this.http = HttpClient.newBuilder().connectTimeout(config.scrapeTimeout()).build();
        this.ingest = new ServiceHistory(config.history().plus(config.rateWindow()));
        this.enrich = new ServiceHistory(config.history().plus(config.rateWindow()));
        this.index = new ServiceHistory(config.history().plus(config.rateWindow()));
    }

    @Scheduled(every = "${query.dashboard.scrape-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scrape() {
        Instant at = Instant.now();
        CompletableFuture<ServiceHistory.Reading> fromIngest = read(config.ingestMetrics(), at, ingest);
        CompletableFuture<ServiceHistory.Reading> fromEnrich = read(config.enrichMetrics(), at, enrich);
        record(index, "query-service", readOwn(at));
        record(ingest, "ingest-service", fromIngest.join());
        record(enrich, "enrich-service", fromEnrich.join());
    }

    private ServiceHistory.Reading readOwn(Instant at) {
        try {
            return new ServiceHistory.Reading(at, MetricsScrape.parse(ownRegistry.scrape(), lastScrape(index)), null);
        } catch (RuntimeException e) {
            return new ServiceHistory.Reading(at, null, e.toString());
        }
    }

    private static MetricsScrape lastScrape(ServiceHistory history) {
        ServiceHistory.Reading last = history.latest();
        return last == null ? null : last.scrape();
    }

    private CompletableFuture<ServiceHistory.Reading> read(URI url, Instant at, ServiceHistory history) {
        MetricsScrape previous = lastScrape(history);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.scrapeTimeout())
                // The classic text format: OpenMetrics would also do, but this is what every version serves.
                .header("Accept", "text/plain; version=0.0.4").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200
                        ? new ServiceHistory.Reading(at, MetricsScrape.parse(response.body(), previous), null)
                        : new ServiceHistory.Reading(at, null, "HTTP " + response.statusCode()))
                .exceptionally(e -> new ServiceHistory.Reading(at, null, reason(e)));
    }

    /** Logs only changes of reachability: a stopped service would otherwise fill the log every few seconds. */
    private static void record(ServiceHistory history, String service, ServiceHistory.Reading reading) {
        ServiceHistory.Reading before = history.latest();
        if (before == null ? !reading.reachable() : before.reachable() != reading.reachable()) {
            if (reading.reachable()) {
                LOG.infof("Dashboard reads the metrics of %s again", service);
            } else {
                LOG.infof("Dashboard cannot read the metrics of %s: %s", service, reading.error());
            }
        }
        history.add(reading);
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** What the three stages are doing now, with the rate history for the chart. */
    public PipelineStatus status() {
        Duration window = config.rateWindow();
        PipelineStatus.Ingest ingestStage = new PipelineStatus.Ingest(
                service("ingest-service", config.ingestMetrics().toString(), ingest),
                sum(ingest, "ingest_articles_total", "outcome", ACCEPTED, window),
                ingest.rate("ingest_articles_total", Map.of("outcome", "duplicate"), window),
                ingest.rate("ingest_articles_rejected_total", Map.of(), window),
                ingest.rate("ingest_outbox_published_total", Map.of(), window),
                ingest.gauge("ingest_outbox_backlog", Map.of()),
                ingest.gauge("ingest_outbox_oldest_seconds", Map.of()));
        PipelineStatus.Enrich enrichStage = new PipelineStatus.Enrich(
                service("enrich-service", config.enrichMetrics().toString(), enrich),
                enrich.rate("enrich_articles_total", Map.of("outcome", "enriched"), window),
                enrich.rate("enrich_articles_total", Map.of("outcome", "dead_lettered"), window),
                enrich.rate("enrich_articles_total", Map.of("outcome", "tombstone"), window),
                enrich.gauge("enrich_consumer_lag_records", Map.of()),
                enrich.gauge("enrich_dead_letter_topic_offsets", Map.of()));
        PipelineStatus.Index indexStage = new PipelineStatus.Index(
                service("query-service", OWN_METRICS, index),
                index.rate("query_indexed_articles_total", Map.of("outcome", "indexed"), window),
                index.rate("query_indexed_articles_total", Map.of("outcome", "deleted"), window),
                index.rate("query_indexed_articles_total", Map.of("outcome", "stale"), window),
                index.rate("query_indexed_articles_total", Map.of("outcome", "rejected"), window),
                index.gauge("query_indexer_lag_records", Map.of()),
                index.freshness("query_article_freshness_seconds", Map.of("since", "published"), window),
                index.freshness("query_article_freshness_seconds", Map.of("since", "received"), window));
        return new PipelineStatus(Instant.now(), window.toSeconds(), ingestStage, enrichStage, indexStage, history(window));
    }

    private static Double sum(ServiceHistory history, String name, String label, List<String> values, Duration window) {
        Double total = null;
        for (String value : values) {
            total = plus(total, history.rate(name, Map.of(label, value), window));
        }
        return total;
    }

    /** A sum of rates some of which may be unknown: null while none is known. */
    private static Double plus(Double total, Double rate) {
        if (rate == null) {
            return total;
        }
        return (total == null ? 0 : total) + rate;
    }

    private static PipelineStatus.Service service(String name, String metrics, ServiceHistory history) {
        ServiceHistory.Reading last = history.latest();
        if (last == null) {
            return new PipelineStatus.Service(name, metrics, false, "not read yet", null);
        }
        return new PipelineStatus.Service(name, metrics, last.reachable(), last.error(), last.at());
    }

    private List<PipelineStatus.Point> history(Duration window) {
        List<ServiceHistory.RatePoint> indexed = index.rates("query_indexed_articles_total", Map.of("outcome", "indexed"), window);
        List<ServiceHistory.RatePoint> enriched = enrich.rates("enrich_articles_total", Map.of("outcome", "enriched"), window);
        List<List<ServiceHistory.RatePoint>> accepted = ACCEPTED.stream()
                .map(outcome -> ingest.rates("ingest_articles_total", Map.of("outcome", outcome), window)).toList();
        Instant since = Instant.now().minus(config.history());
        // The three histories are read in the same scrape, so their n-th points share a time; match them by time
        // anyway, since a history may have been pruned at a different moment.
        List<PipelineStatus.Point> points = new ArrayList<>();
        for (ServiceHistory.RatePoint p : indexed) {
            if (p.at().isBefore(since)) {
                continue;
            }
            Double acceptedRate = null;
            for (List<ServiceHistory.RatePoint> outcome : accepted) {
                acceptedRate = plus(acceptedRate, at(outcome, p.at()));
            }
            points.add(new PipelineStatus.Point(p.at(), acceptedRate, at(enriched, p.at()), p.perSecond()));
        }
        return points;
    }

    private static Double at(List<ServiceHistory.RatePoint> points, Instant at) {
        for (ServiceHistory.RatePoint p : points) {
            if (p.at().equals(at)) {
                return p.perSecond();
            }
        }
        return null;
    }
}
