package news.wire.ingest.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import news.wire.ingest.config.IngestConfig;

/**
 * articles.raw as the relay needs it: there, and taking the largest message the relay may send
 * (ingest.topic.max-message-size). Checked, never created or altered: the topics' shape is declared once, in
 * deploy/topics.properties, and made by the deployment. Until the topic is found the relay publishes nothing and the
 * rows wait in the outbox; a topic that takes less than the setting is reported (readiness down) but published to,
 * since holding back every article for the sake of the rare large one would be the very stall the setting guards
 * against. A failed check (Kafka unreachable) is tried again a few seconds later, never a crash. Readiness check
 * {@code kafka-topics}: ready once the topic is there and takes that much; if not, its data say why.
 */
@Readiness
@Default
@ApplicationScoped
public class RawTopic implements HealthCheck {

    /** What makes the topics, for the operator reading a health check or the log. */
    static final String MADE_BY = "the topics are made from deploy/topics.properties by `deploy/local/pipeline up kafka`, "
            + "compose's `topics` service or the Strimzi KafkaTopic resources in deploy/kubernetes/topics.yaml; "
            + "ingest-service never creates or alters one";
    private static final Logger LOG = Logger.getLogger(RawTopic.class);
    /** How soon a missing topic, or one Kafka would not describe, is looked for again. */
    private static final Duration RECHECK_MISSING = Duration.ofSeconds(5);
    /** How soon a topic that takes too little is looked at again, to see it raised. */
    private static final Duration RECHECK_SHORT = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final String name;
    private final long maxMessageBytes;
    private volatile TopicStatus status;
    private Instant nextCheck = Instant.MIN;
    private String reported;

    /** What the last check found: whether the topic is there, whether it is all the relay needs, and if not why. */
    public record TopicStatus(String topic, boolean present, boolean ready, String problem) {
    }

    @Inject
    public RawTopic(KafkaClients clients, IngestConfig config) {
        this(clients, config.topic().name(), config.topic().maxMessageSize().asLongValue());
    }

    /** A check of the named topic, wanting {@code maxMessageBytes}; the application's own is the injected one. */
    public RawTopic(KafkaClients clients, String name, long maxMessageBytes) {
        this.clients = clients;
        this.name = name;
        this.maxMessageBytes = maxMessageBytes;
        this.status = new TopicStatus(name, false, false, name + " has not been checked yet");
    }

    /**
     * Whether the relay may publish: the topic has been found. Looks again when it has not (or takes too little),
     * at most every few seconds; cheap once all is well. Called from the relay's thread only.
     */
    public boolean present() {
        TopicStatus current = status;
        if (!current.ready() && !Instant.now().isBefore(nextCheck)) {
            current = check();
            nextCheck = Instant.now().plus(current.present() ? RECHECK_SHORT : RECHECK_MISSING);
        }
        return current.present();
    }

    /** What the last check found. */
    public TopicStatus status() {
        return status;
    }

    @Override
    public HealthCheckResponse call() {
        TopicStatus current = status;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").status(current.ready())
                .withData("topics", name);
        return current.ready() ? response.build() : response.withData("problem", current.problem()).build();
    }

    /** Looks at the topic now. */
    public synchronized TopicStatus check() {
        TopicStatus found;
        try (Admin admin = clients.admin()) {
            found = inspect(admin);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            found = new TopicStatus(name, status.present(), false, "could not check " + name + " (" + cause + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status;
        }
        status = found;
        report(found);
        return found;
    }

    private TopicStatus inspect(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return new TopicStatus(name, false, false, name + " does not exist: " + MADE_BY + ".");
            }
            throw e;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config configs = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        long takes = Long.parseLong(configs.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
        if (takes < maxMessageBytes) {
            return new TopicStatus(name, true, false, name + " takes messages of at most " + takes
                    + " bytes (max.message.bytes), less than the " + maxMessageBytes + " of ingest.topic.max-message-size: "
                    + "Kafka would refuse the largest articles intake accepts, and the outbox would wait behind them. "
                    + "Raise max.message.bytes in deploy/topics.properties and make the topics again (" + MADE_BY
                    + "), or lower ingest.topic.max-message-size and ingest.limits.max-article-size.");
        }
        LOG.infof("Topic %s is ready: %d partitions, max.message.bytes %d (ingest.topic.max-message-size %d)", name,
                description.partitions().size(), takes, maxMessageBytes);
        return new TopicStatus(name, true, true, null);
    }

    /** One log line per new problem, not one per retry. */
    private void report(TopicStatus found) {
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
