package news.wire.query.indexing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import news.wire.query.config.QueryConfig;

/**
 * Creates articles.enriched if it is missing when the indexer starts: a consumer subscribed to a topic that does
 * not exist yet only notices it at its next metadata refresh, minutes later.
 */
final class EnrichedTopic {

    private EnrichedTopic() {
    }

    static void ensureExists(String bootstrapServers, QueryConfig.Indexer config)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(config.topic(), config.partitions(), config.replicationFactor())))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
