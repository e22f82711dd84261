package news.wire.query.kafka;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A gauge per partition, tagged {@code topic} and {@code partition}, of the records this instance's consumers have
 * not yet read, as each consumer last saw it. A partition that left this instance reads 0: its new owner reports it.
 */
public final class PartitionLag {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();

    public PartitionLag(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    /**
     * Takes the lag of each partition assigned to the consumer from its last fetch, registering a gauge on first
     * sight; one the consumer does not know yet is left as it was.
     *
     * @return the lag summed over the consumer's partitions, or -1 when it does not know that of some
     */
    public long observe(Consumer<?, ?> consumer) {
        long total = 0;
        boolean known = true;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong records = consumer.currentLag(partition);
            if (records.isEmpty()) {
                known = false;
                continue;
            }
            total += records.getAsLong();
            if (lag.put(partition, records.getAsLong()) == null) {
                Gauge.builder(name, lag, l -> l.getOrDefault(partition, 0L))
                        .description(description)
                        .baseUnit("records")
                        .tag("topic", partition.topic())
                        .tag("partition", Integer.toString(partition.partition()))
                        .register(registry);
            }
        }
        return known ? total : -1;
    }

    /** The partitions left this instance's consumer. */
    public void released(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> lag.replace(partition, 0L));
    }
}
