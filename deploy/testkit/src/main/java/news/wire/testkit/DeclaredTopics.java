package news.wire.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics of deploy/topics.properties, made on a test broker as deploy/create-topics makes them on a real one. */
public final class DeclaredTopics {

    private final Properties declared;
    private final List<String> names;

    private DeclaredTopics(Properties declared) {
        this.declared = declared;
        this.names = Arrays.stream(declared.getProperty("topics", "").split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("deploy/topics.properties declares no topics");
        }
    }

    /** The declaration in this checkout. */
    public static DeclaredTopics read() {
        return read(RepositoryLayout.root().resolve("deploy/topics.properties"));
    }

    static DeclaredTopics read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeclaredTopics(properties);
    }

    /** The declared topic names, in the file's order. */
    public List<String> names() {
        return names;
    }

    /** The topic's own value for the key, else the one for every topic. */
    private String value(String topic, String key) {
        String own = declared.getProperty(topic + "." + key);
        String value = own != null ? own : declared.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("deploy/topics.properties gives " + topic + " no " + key);
        }
        return value.strip();
    }

    public int partitions(String topic) {
        return Integer.parseInt(value(requireDeclared(topic), "partitions"));
    }

    /** The declared max.message.bytes: the largest message the topic takes. */
    public long maxMessageBytes(String topic) {
        return Long.parseLong(value(requireDeclared(topic), "config." + TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
    }

    /** The topic as create-topics makes it on a cluster of this many brokers. */
    public NewTopic newTopic(String topic, int brokers) {
        return like(topic, topic, partitions(topic), brokers);
    }

    /**
     * A test's own topic shaped like a declared one, with its own partition count: tests that must not share the
     * pipeline's topics with other tests get their own, made as the deployments would make them.
     */
    public NewTopic like(String topic, String name, int partitions, int brokers) {
        requireDeclared(topic);
        int replicas = Math.min(brokers, Integer.parseInt(value(topic, "replicas")));
        Map<String, String> configs = new TreeMap<>();
        for (String key : declared.stringPropertyNames()) {
            String config = key.startsWith("config.") ? key.substring("config.".length())
                    : key.startsWith(topic + ".config.") ? key.substring((topic + ".config.").length()) : null;
            if (config != null) {
                configs.put(config, value(topic, "config." + config));
            }
        }
        // As create-topics sizes it: a single broker still takes acks=all writes, a cluster survives one loss.
        configs.computeIfPresent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                (key, value) -> Integer.toString(Math.min(Integer.parseInt(value), Math.max(1, replicas - 1))));
        return new NewTopic(name, partitions, (short) replicas).configs(configs);
    }

    /** Creates these topics on the broker and waits until it has them all. */
    public static void create(String bootstrapServers, Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create " + topics.stream().map(NewTopic::name).toList(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates every declared topic on this broker, sized for it. */
    public void createAll(String bootstrapServers, int brokers) {
        create(bootstrapServers, names.stream().map(name -> newTopic(name, brokers)).toList());
    }

    private String requireDeclared(String topic) {
        if (!names.contains(topic)) {
            throw new IllegalArgumentException(topic + " is not declared in deploy/topics.properties: " + names);
        }
        return topic;
    }
}
