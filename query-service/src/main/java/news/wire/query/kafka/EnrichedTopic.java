package news.wire.query.indexing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * articles.enriched as the indexer needs it, checked before the indexer subscribes and never created or altered:
 * its shape is declared once, in deploy/topics.properties, and made by the deployment. Reading sets no size of its
 * own (a fetch returns a record larger than the consumer's fetch sizes whole), so being there is what counts.
 */
public final class EnrichedTopic {

    /** What makes the topics, for the operator reading a health check or the log. */
    static final String MADE_BY = "the topics are made from deploy/topics.properties by `deploy/local/pipeline up kafka`, "
            + "compose's `topics` service or the Strimzi KafkaTopic resources in deploy/kubernetes/topics.yaml; "
            + "query-service never creates or alters one";
    private static final Logger LOG = Logger.getLogger(EnrichedTopic.class);

    private final String bootstrapServers;
    private final String name;
    private volatile Status status;
    private String reported;

    /** What the last check found; {@code problem} is null when the topic is ready. */
    public record Status(String topic, boolean ready, String problem) {
    }

    /** Thrown while the topic is missing: the indexer waits and looks again rather than subscribe to nothing. */
    static final class MissingTopic extends Exception {
        MissingTopic(String message) {
            super(message, null, false, false);
        }
    }

    EnrichedTopic(String bootstrapServers, String name) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
        this.status = new Status(name, false, name + " has not been checked yet");
    }

    /** What the last check found, for readiness. */
    public Status status() {
        return status;
    }

    /**
     * Looks at the topic.
     *
     * @throws MissingTopic while it does not exist
     * @throws ExecutionException or TimeoutException when Kafka could not be asked; the indexer retries
     */
    synchronized void check() throws MissingTopic, InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
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
