package news.wire.deploy.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * deploy/topics.properties read as deploy/create-topics reads it, so the manifests can be held to it: each topic's
 * value for a key is its own line if given, else the line for every topic, and a cluster of fewer brokers gets
 * fewer replicas and a min.insync.replicas one below them.
 */
final class TopicDeclarations {

    static final String FILE = "deploy/topics.properties";

    /** One topic as made on a cluster: its partitions, replicas and every topic config. */
    record Topic(String name, int partitions, int replicas, Map<String, String> configs) {
    }

    private final Properties declared = new Properties();
    private final List<String> names;

    private TopicDeclarations(String text) {
        try {
            declared.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names = Arrays.stream(declared.getProperty("topics", "").split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
    }

    static TopicDeclarations of(Checkout checkout) {
        return new TopicDeclarations(checkout.text(FILE));
    }

    List<String> names() {
        return names;
    }

    private String value(String topic, String key) {
        String own = declared.getProperty(topic + "." + key);
        String value = own != null ? own : declared.getProperty(key);
        if (value == null) {
            throw new AssertionError(FILE + " gives " + topic + " no " + key);
        }
        return value.strip();
    }

    /** The topic as create-topics would make it on a cluster of this many brokers. */
    Topic sizedFor(String topic, int brokers) {
        if (!names.contains(topic)) {
            throw new AssertionError(topic + " is not declared in " + FILE + ": " + names);
        }
        int replicas = Math.min(brokers, Integer.parseInt(value(topic, "replicas")));
        Map<String, String> configs = new TreeMap<>();
        for (String key : declared.stringPropertyNames()) {
            String config = key.startsWith("config.") ? key.substring("config.".length())
                    : key.startsWith(topic + ".config.") ? key.substring((topic + ".config.").length()) : null;
            if (config != null) {
                configs.put(config, value(topic, "config." + config));
            }
        }
        configs.computeIfPresent("min.insync.replicas",
                (key, value) -> Integer.toString(Math.min(Integer.parseInt(value), Math.max(1, replicas - 1))));
        return new Topic(topic, Integer.parseInt(value(topic, "partitions")), replicas, configs);
    }

    /** The declared max.message.bytes of the topic. */
    long maxMessageBytes(String topic) {
        return Long.parseLong(sizedFor(topic, 1).configs().get("max.message.bytes"));
    }
}
