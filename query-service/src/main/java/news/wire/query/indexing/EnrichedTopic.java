package news.wire.query.indexing;

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

import news.wire.query.config.QueryConfig;

/**
 * Creates articles.enriched if it is missing when the indexer starts: a consumer subscribed to a topic that does
 * not exist yet only notices it at its next metadata refresh, minutes later. The topic is made to take messages as
 * large as enrich-service publishes (query.indexer.max-message-size); one that exists with less, Kafka's 1 MB
 * default from an earlier release say, is raised, as enrich-service would raise it.
 */
final class EnrichedTopic {

    private static final Logger LOG = Logger.getLogger(EnrichedTopic.class);

    private EnrichedTopic() {
    }

    static void ensureExists(String bootstrapServers, QueryConfig.Indexer config)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        long maxMessageBytes = Math.min(Integer.MAX_VALUE, config.maxMessageSize().asLongValue());
        try (Admin client = Admin.create(admin)) {
            try {
                client.createTopics(List.of(new NewTopic(config.topic(), config.partitions(), config.replicationFactor())
                                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(maxMessageBytes)))))
                        .all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                raiseMaxMessageBytes(client, config.topic(), maxMessageBytes);
            }
        }
    }

    /** Raises the existing topic's limit to {@code wanted}; a topic that already takes as much is left alone. */
    private static void raiseMaxMessageBytes(Admin admin, String name, long wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            ConfigEntry current = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS)
                    .get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            long limit = current == null || current.value() == null ? 0 : Long.parseLong(current.value());
            if (limit >= wanted) {
                return;
            }
            AlterConfigOp raise = new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(wanted)), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(raise))).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Raised max.message.bytes of %s from %d to %d (query.indexer.max-message-size)", name, limit,
                    wanted);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException refused && !(refused instanceof RetriableException)) {
                // The indexer only reads the topic: that the broker will not raise it is enrich-service's problem
                // (it dead-letters what the topic would refuse), no reason to stop indexing.
                LOG.warnf("Could not raise max.message.bytes of %s to %d (%s)", name, wanted, refused.toString());
                return;
            }
            throw e;
        }
    }
}
