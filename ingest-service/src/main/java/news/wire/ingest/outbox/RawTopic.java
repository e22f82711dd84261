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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.common.annotation.Identifier;
import news.wire.ingest.config.IngestConfig;

/** Creates the articles.raw topic on first use; the producing service owns its topic's shape. */
@ApplicationScoped
public class RawTopic {

    private final Map<String, Object> kafka;
    private final IngestConfig.Topic topic;
    private volatile boolean ready;

    public RawTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this.kafka = kafka;
        this.topic = config.topic();
    }

    /** Makes sure the topic exists; cheap after the first success. */
    public void ensureExists() throws InterruptedException, TimeoutException {
        if (ready) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
            }
        }
        ready = true;
    }
}
