package news.wire.enrich.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

import news.wire.enrich.config.EnrichConfig;

/**
 * Creates the topics enrich-service reads and writes if they are missing. The input topic is included because a
 * consumer subscribed to a topic that does not exist yet only notices it at its next metadata refresh (minutes).
 * Each topic must take the largest message the workers publish (enrich.topics.max-message-size): one that exists with
 * less, Kafka's 1 MB default from an earlier release say, has its max.message.bytes raised, so an upgrade also fixes
 * a running system. Should the broker refuse to raise one, the workers learn the limit it keeps and dead-letter
 * what would exceed it, rather than have the broker refuse the record and the batch be redone for ever.
 */
final class PipelineTopics {

    private static final Logger LOG = Logger.getLogger(PipelineTopics.class);
    /** The broker's message.max.bytes unless configured otherwise. */
    private static final long KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

    private PipelineTopics() {
    }

    /**
     * Creates the missing topics and raises the limits of existing ones.
     *
     * @return the largest message both output topics (enriched and dead letters) take: the configured size, or less
     *         where the broker would not raise a topic
     */
    static long ensureExist(String bootstrapServers, EnrichConfig.Topics topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        long maxMessageBytes = MessageSize.limit(topics);
        long outputLimit = maxMessageBytes;
        try (Admin admin = Admin.create(config)) {
            for (String name : List.of(topics.raw(), topics.enriched(), topics.deadLetter())) {
                long taken = maxMessageBytes;
                try {
                    admin.createTopics(List.of(new NewTopic(name, topics.partitions(), topics.replicationFactor())
                                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(maxMessageBytes)))))
                            .all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    taken = raiseMaxMessageBytes(admin, name, maxMessageBytes);
                }
                if (!name.equals(topics.raw())) {
                    outputLimit = Math.min(outputLimit, taken);
                }
            }
        }
        return outputLimit;
    }

    /**
     * Raises an existing topic's limit to {@code wanted}; a topic that already takes as much is left alone.
     *
     * @return the limit the topic has now, as far as it concerns us: {@code wanted}, or less if the broker refused
     */
    private static long raiseMaxMessageBytes(Admin admin, String name, long wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            ConfigEntry current = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS)
                    .get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            long limit = current == null || current.value() == null ? 0 : Long.parseLong(current.value());
            if (limit >= wanted) {
                return wanted;
            }
            AlterConfigOp raise = new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(wanted)), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(raise))).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Raised max.message.bytes of %s from %d to %d (enrich.topics.max-message-size)", name, limit,
                    wanted);
            return wanted;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException refused && !(refused instanceof RetriableException)) {
                // Refused for good (no ALTER_CONFIGS right, a broker policy): say so and carry on with the limit the
                // topic has. Stopping the stream would hold up every article for the sake of the rare large one.
                long kept = keptLimit(admin, topic);
                LOG.errorf("Topic %s keeps max.message.bytes %d (%s): larger messages are dead-lettered until it is "
                        + "raised to %d (enrich.topics.max-message-size)", name, kept, refused.toString(), wanted);
                return Math.min(kept, wanted);
            }
            throw e;
        }
    }

    /** The topic's limit when it could not be raised; Kafka's own default if even reading it is refused. */
    private static long keptLimit(Admin admin, ConfigResource topic) throws InterruptedException, TimeoutException {
        try {
            ConfigEntry current = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS)
                    .get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return Long.parseLong(current.value());
        } catch (ExecutionException | RuntimeException e) {
            return KAFKA_DEFAULT_MAX_MESSAGE_BYTES;
        }
    }
}
