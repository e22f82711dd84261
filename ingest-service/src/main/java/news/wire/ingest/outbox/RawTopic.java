package news.wire.ingest.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import news.wire.ingest.config.IngestConfig;

/**
 * Creates the articles.raw topic on first use; the producing service owns its topic's shape. The topic must take
 * the largest message the relay may send (ingest.topic.max-message-size): a topic created by an earlier release, or
 * by hand, with Kafka's 1 MB default gets its max.message.bytes raised, so an upgrade also fixes a running system.
 */
@ApplicationScoped
public class RawTopic {

    private static final Logger LOG = Logger.getLogger(RawTopic.class);

    private final Map<String, Object> kafka;
    private final IngestConfig.Topic topic;
    private volatile boolean ready;

    public RawTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this.kafka = kafka;
        this.topic = config.topic();
    }

    /** Makes sure the topic exists and takes the largest message; cheap after the first success. */
    public void ensureExists() throws InterruptedException, TimeoutException {
        if (ready) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        String maxMessageBytes = Long.toString(topic.maxMessageSize().asLongValue());
        try (Admin admin = Admin.create(adminConfig)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())
                                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes))))
                        .all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
                }
                raiseMaxMessageBytes(admin, Long.parseLong(maxMessageBytes));
            }
        }
        ready = true;
    }

    /** Raises the existing topic's limit to {@code wanted}; a topic that already takes as much is left alone. */
    private void raiseMaxMessageBytes(Admin admin, long wanted) throws InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        try {
            ConfigEntry current = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                    .get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (current != null && current.value() != null && Long.parseLong(current.value()) >= wanted) {
                return;
            }
            AlterConfigOp raise = new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(wanted)), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(raise))).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Raised max.message.bytes of %s from %s to %d (ingest.topic.max-message-size)", topic.name(),
                    current == null ? "the broker default" : current.value(), wanted);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException refused && !(refused instanceof RetriableException)) {
                // Refused for good (no ALTER_CONFIGS right, a broker policy): say so, but keep publishing. Holding
                // back every article for the sake of the rare large one would be the very stall this guards against.
                LOG.errorf("Topic %s keeps its max.message.bytes (%s): articles published as messages larger than "
                        + "that will be refused by the broker. Raise it to %d (ingest.topic.max-message-size).",
                        topic.name(), refused.toString(), wanted);
                return;
            }
            throw new IllegalStateException("Could not raise max.message.bytes of topic " + topic.name() + " to "
                    + wanted + " (ingest.topic.max-message-size)", e.getCause());
        }
    }
}
