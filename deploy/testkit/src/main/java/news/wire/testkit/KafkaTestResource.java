package news.wire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real single-node KRaft Kafka broker inside the test JVM, makes the topics of deploy/topics.properties on
 * it as every deployment does (the services only check for them), and points the service at it. The init argument
 * {@code topics} (comma-separated) names further topics a test needs; declared names among them are made from the
 * file anyway.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaClusterTestKit cluster;
    private final List<String> topics = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("topics", "");
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                topics.add(name.strip());
            }
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // One broker: internal topics cannot have more replicas than that, or transactions never start.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createTopics();
            return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    private void createTopics() {
        DeclaredTopics declared = DeclaredTopics.read();
        List<NewTopic> all = new ArrayList<>(declared.names().stream().map(name -> declared.newTopic(name, 1)).toList());
        topics.stream().filter(name -> !declared.names().contains(name))
                .forEach(name -> all.add(new NewTopic(name, 3, (short) 1)));
        DeclaredTopics.create(cluster.bootstrapServers(), all);
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the in-JVM Kafka broker", e);
            }
        }
    }
}
