package news.wire.query.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A gauge per partition (tags {@code topic}, {@code partition}) of the records this instance has not finished with,
 * as each last saw it: those its consumer has not read yet plus those read but held, not yet written or committed
 * (a batch in hand). A partition that left this instance reads 0: its new owner reports it.
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
     * Takes the lag of each partition assigned to the consumer, as of its last fetch, plus the records of it in
     * {@code held}; returns their sum, or -1 while one partition's lag is unknown.
     */
    public long observe(Consumer<?, ?> consumer, Map<TopicPartition, Integer> held) {
        Map<TopicPartition, Long> unread = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            unread.put(partition, consumer.currentLag(partition).orElse(-1));
        }
        return observe(unread, held);
    }

    /** Records per partition: {@code unread} (-1 when unknown) plus {@code held}; the sum, or -1 if one is unknown. */
    long observe(Map<TopicPartition, Long> unread, Map<TopicPartition, Integer> held) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> entry : unread.entrySet()) {
            TopicPartition partition = entry.getKey();
            long records = entry.getValue() < 0 ? -1 : entry.getValue() + held.getOrDefault(partition, 0);
            if (records < 0 || total < 0) {
                total = -1;
            } else {
                total += records;
            }
            if (records >= 0 && lag.put(partition, records) == null) {
                Gauge.builder(name, lag, l -> l.getOrDefault(partition, 0L)).description(description)
                        .baseUnit("records").tag("topic", partition.topic())
                        .tag("partition", Integer.toString(partition.partition())).register(registry);
            }
        }
        return total;
    }

    /** The partitions left this instance's consumer. */
    public void released(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> lag.replace(partition, 0L));
    }
}
