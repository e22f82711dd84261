package news.wire.enrich.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.kafka.KafkaClients;
import news.wire.enrich.kafka.PipelineTopics;

/**
 * The instance's enrichment workers: one thread each, all in one consumer group, so the partitions of
 * articles.raw are enriched in parallel (tagging is CPU-bound, so one worker per core is what scales). Starts them
 * with the application; on shutdown lets each finish and commit its batch and leave the group, within a bound.
 */
@ApplicationScoped
public class EnrichmentWorkers {

    private static final Logger LOG = Logger.getLogger(EnrichmentWorkers.class);

    private final ArticleRouter router;
    private final EnrichmentMetrics metrics;
    private final EnrichConfig config;
    private final KafkaClients clients;
    private final PipelineTopics topics;
    private final String instance;
    // Written once at start-up, read by health checks on other threads.
    private volatile List<EnrichmentWorker> workers = List.of();
    private volatile List<Thread> threads = List.of();

    public EnrichmentWorkers(ArticleRouter router, EnrichmentMetrics metrics, EnrichConfig config, KafkaClients clients,
                             PipelineTopics topics, @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.router = router;
        this.metrics = metrics;
        this.config = config;
        this.clients = clients;
        this.topics = topics;
        this.instance = config.stream().instanceId().orElseGet(() -> hostAndPort(httpPort));
    }

    void start(@Observes StartupEvent event) {
        int count = config.stream().workerCount();
        List<EnrichmentWorker> started = IntStream.range(0, count)
                .mapToObj(n -> new EnrichmentWorker(clients, instance, n, router, metrics, config, topics)).toList();
        workers = started;
        threads = IntStream.range(0, count).mapToObj(n -> {
            Thread thread = new Thread(started.get(n), "enrichment-worker-" + n);
            // A worker stuck past the shutdown bound (broker unreachable) must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        }).toList();
        threads.forEach(Thread::start);
        LOG.infof("%d enrichment workers started, transactional ids %s to %s", count, workers.get(0).name(),
                workers.get(count - 1).name());
    }

    void stop(@Observes ShutdownEvent event) {
        workers.forEach(EnrichmentWorker::stop);
        long deadline = System.nanoTime() + config.stream().shutdownTimeout().toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long stuck = threads.stream().filter(Thread::isAlive).count();
        if (stuck > 0) {
            // Their open transactions are aborted by the next life of this instance, or by the transaction timeout.
            LOG.warnf("%d enrichment workers still busy after %s; leaving them", stuck, config.stream().shutdownTimeout());
        }
    }

    /** How many workers this instance runs. */
    public int size() {
        return workers.size();
    }

    /** True while every worker thread runs: a dead worker leaves its partitions' articles unenriched. */
    public boolean allAlive() {
        return !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
    }

    /** How many workers are in the consumer group with their partitions assigned. */
    public long joined() {
        return workers.stream().filter(EnrichmentWorker::joined).count();
    }

    private static String hostAndPort(int httpPort) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + httpPort;
    }
}
