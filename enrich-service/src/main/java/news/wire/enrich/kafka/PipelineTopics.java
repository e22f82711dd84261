package news.wire.enrich.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import news.wire.enrich.config.EnrichConfig;

/**
 * The topics enrich-service reads and writes, checked when a worker starts and never created or altered: their
 * shape is declared once, in deploy/topics.properties, and made by the deployment. The largest message the workers
 * publish is read from the output topics here (the smaller max.message.bytes of articles.enriched and articles.dlq),
 * so raising it is an edit of that file and a restart; what would be larger is dead-lettered by ArticleRouter rather
 * than refused by the broker with its whole batch. Readiness check {@code kafka-topics}: ready once the workers
 * found their topics; if not, its data say which and what makes them (and any shortfall).
 */
@Readiness
@Default
@ApplicationScoped
public class PipelineTopics implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(PipelineTopics.class);
    /** What makes the topics, for the operator reading a health check or the log. */
    static final String MADE_BY = "the topics are made from deploy/topics.properties by `deploy/local/pipeline up kafka`, "
            + "compose's `topics` service or the Strimzi KafkaTopic resources in deploy/kubernetes/topics.yaml; "
            + "enrich-service never creates or alters one";
    /** Workers starting together share one look rather than each asking Kafka. */
    private static final long REUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final KafkaClients clients;
    private final EnrichConfig.Topics topics;
    private final int workers;
    private volatile Status status;
    private long checkedAt;
    private String reported;

    /**
     * What the last check found: a problem (null when ready), a shortfall that does not stop this instance (too few
     * partitions; or null), and the largest record both output topics take (0 until they were found).
     */
    public record Status(boolean ready, String problem, String warning, long maxMessageBytes) {
    }

    /** Thrown while a topic is missing: the worker waits and looks again rather than start its clients. */
    public static final class MissingTopics extends Exception {
        MissingTopics(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    public PipelineTopics(KafkaClients clients, EnrichConfig config) {
        this(clients, config.topics(), config.stream().workerCount());
    }

    /** A check of the named topics for {@code workers} workers; the application's own is the injected one. */
    public PipelineTopics(KafkaClients clients, EnrichConfig.Topics topics, int workers) {
        this.clients = clients;
        this.topics = topics;
        this.workers = workers;
        this.status = new Status(false, "the topics have not been checked yet", null, 0);
    }

    public Status status() {
        return status;
    }

    @Override
    public HealthCheckResponse call() {
        Status current = status;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").status(current.ready())
                .withData("topics", String.join(", ", names()));
        if (current.maxMessageBytes() > 0) {
            response.withData("max-message-bytes", current.maxMessageBytes());
        }
        if (current.warning() != null) {
            response.withData("warning", current.warning());
        }
        return current.ready() ? response.build() : response.withData("problem", current.problem()).build();
    }

    public List<String> names() {
        return List.of(topics.raw(), topics.enriched(), topics.deadLetter());
    }

    /**
     * The largest record both output topics take, from a look at the topics (or what another worker found a moment
     * ago); MissingTopics while a topic is missing, and the caller retries when Kafka could not be asked.
     */
    public synchronized long check() throws MissingTopics, InterruptedException, ExecutionException, TimeoutException {
        Status last = status;
        if (last.maxMessageBytes() > 0 && System.nanoTime() - checkedAt < REUSE_NANOS) {
            return last.maxMessageBytes();
        }
        try (Admin admin = clients.admin()) {
            Map<String, TopicDescription> found = describe(admin);
            List<String> missing = names().stream().filter(name -> !found.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                String problem = String.join(", ", missing) + (missing.size() == 1 ? " does" : " do")
                        + " not exist: " + MADE_BY + ".";
                record(new Status(false, problem, null, 0));
                throw new MissingTopics(problem);
            }
            long limit = Math.min(maxMessageBytes(admin, topics.enriched()), maxMessageBytes(admin, topics.deadLetter()));
            int partitions = found.get(topics.raw()).partitions().size();
            String warning = null;
            if (partitions < workers) {
                // Not a reason to be unready: the workers without a partition only wait for one, the others enrich
                // (one worker per core by default, so a large machine meets this). But scaling by workers has hit its
                // ceiling, which someone should know.
                warning = topics.raw() + " has " + partitions + " partitions, fewer than the " + workers
                        + " workers of this instance (enrich.stream.workers): some get none. Raise partitions in "
                        + "deploy/topics.properties and make the topics again (" + MADE_BY + "), or run fewer workers.";
            }
            record(new Status(true, null, warning, limit));
            if (!last.ready()) {
                LOG.infof("Topics %s are ready: %s has %d partitions; largest message out %d bytes (max.message.bytes "
                        + "of %s and %s)", names(), topics.raw(), partitions, limit, topics.enriched(), topics.deadLetter());
            }
            checkedAt = System.nanoTime();
            return limit;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            record(new Status(false, "could not check the topics " + names() + " (" + cause + ")", null, 0));
            throw e;
        }
    }

    /** The topics that exist, by name; the missing ones are left out. */
    private Map<String, TopicDescription> describe(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> present = names().stream().filter(existing::contains).distinct().toList();
        try {
            return admin.describeTopics(present).allTopicNames().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                // Deleted between the two calls: missing after all.
                return Map.of();
            }
            throw e;
        }
    }

    private static long maxMessageBytes(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return Math.min(Integer.MAX_VALUE, Long.parseLong(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()));
    }

    /** Keeps what was found; one log line per new problem or warning, not one per worker or retry. */
    private void record(Status found) {
        status = found;
        String news = found.problem() != null ? found.problem() : found.warning();
        if (news == null || news.equals(reported)) {
            reported = news;
            return;
        }
        reported = news;
        if (found.problem() == null || found.problem().startsWith("could not check")) {
            LOG.warnf("Kafka topic check: %s", news + (found.problem() == null ? "" : "; trying again"));
        } else {
            LOG.errorf("Kafka topic check: %s", news);
        }
    }
}
