package news.wire.enrich.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import news.wire.enrich.config.EnrichConfig;

/**
 * Creates the topics enrich-service reads and writes if they are missing. The input topic is included because a
 * consumer subscribed to a topic that does not exist yet only notices it at its next metadata refresh (minutes).
 */
final class PipelineTopics {

    private PipelineTopics() {
    }

    static void ensureExist(String bootstrapServers, EnrichConfig.Topics topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            for (String name : List.of(topics.raw(), topics.enriched(), topics.deadLetter())) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, topics.partitions(), topics.replicationFactor())))
                            .all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
