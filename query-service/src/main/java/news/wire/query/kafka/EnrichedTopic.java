package news.wire.query.kafka;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import news.wire.query.config.QueryConfig;

/**
 * articles.enriched as the indexer needs it, checked before the indexer subscribes and never created or altered:
 * its shape is declared once, in deploy/topics.properties, and made by the deployment. Reading sets no size of its
 * own (a fetch returns a record larger than the consumer's fetch sizes whole), so being there is what counts.
 * Readiness check {@code kafka-topics}: ready once the topic was found; if not, its data say what makes it.
 */
@Readiness
@Default
@ApplicationScoped
public class EnrichedTopic implements HealthCheck {

    /** What makes the topics, for the operator reading a health check or the log. */
    static final String MADE_BY = "the topics are made from deploy/topics.properties by `deploy/local/pipeline up kafka`, "
            + "compose's `topics` service or the Strimzi KafkaTopic resources in deploy/kubernetes/topics.yaml; "
            + "query-service never creates or alters one";
    private static final Logger LOG = Logger.getLogger(EnrichedTopic.class);

    private final KafkaClients clients;
    private final String name;
    private volatile Status status;
    private String reported;

    /** What the last check found; {@code problem} is null when the topic is ready. */
    public record Status(String topic, boolean ready, String problem) {
    }

    /** Thrown while the topic is missing: the indexer waits and looks again rather than subscribe to nothing. */
    public static final class MissingTopic extends Exception {
        MissingTopic(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    public EnrichedTopic(KafkaClients clients, QueryConfig config) {
        this(clients, config.indexer().topic());
    }

    /** A check of the named topic; the application's own is the injected one. */
    public EnrichedTopic(KafkaClients clients, String name) {
        this.clients = clients;
        this.name = name;
        this.status = new Status(name, false, name + " has not been checked yet");
    }

    /** What the last check found. */
    public Status status() {
        return status;
    }

    @Override
    public HealthCheckResponse call() {
        Status current = status;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").status(current.ready())
                .withData("topics", name);
        return current.ready() ? response.build() : response.withData("problem", current.problem()).build();
    }

    /**
     * Looks at the topic.
     *
     * @throws MissingTopic while it does not exist
     * @throws ExecutionException or TimeoutException when Kafka could not be asked; the indexer retries
     */
    public synchronized void check() throws MissingTopic, InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = clients.admin()) {
            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(name);
            if (!status.ready()) {
                LOG.infof("Topic %s is ready: %d partitions", name, description.partitions().size());
            }
            record(new Status(name, true, null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                String problem = name + " does not exist: " + MADE_BY + ".";
                record(new Status(name, false, problem));
                throw new MissingTopic(problem);
            }
            record(new Status(name, false, "could not check " + name + " (" + e.getCause() + ")"));
            throw e;
        } catch (TimeoutException e) {
            record(new Status(name, false, "could not check " + name + " (" + e + ")"));
            throw e;
        }
    }

    /** Keeps what was found; one log line per new problem, not one per retry. */
    private void record(Status found) {
        status = found;
        if (found.problem() == null || found.problem().equals(reported)) {
            reported = found.problem();
            return;
        }
        reported = found.problem();
        if (found.problem().startsWith("could not check")) {
            LOG.warnf("Kafka topic check: %s; trying again", found.problem());
        } else {
            LOG.errorf("Kafka topic check: %s", found.problem());
        }
    }
}
