package news.wire.enrich.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import news.wire.enrich.config.EnrichConfig;

/**
 * Exports how much articles.dlq holds as {@code enrich_dead_letter_topic_offsets}: the offsets between each
 * partition's start and end, summed. Dead letters are written in transactions, so the figure also counts commit
 * markers and is an upper bound on the messages; zero means the topic is empty, which is what an alert needs. A
 * counter of dead letters since start-up would forget the ones written before a restart; the topic does not.
 */
@ApplicationScoped
public class DeadLetterGauge {

    private static final Logger LOG = Logger.getLogger(DeadLetterGauge.class);

    private final EnrichConfig config;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private volatile double offsets = Double.NaN;
    private ScheduledExecutorService schedule;
    private Admin admin;

    public DeadLetterGauge(EnrichConfig config, KafkaClients clients, MeterRegistry registry) {
        this.config = config;
        this.clients = clients;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("enrich.dead.letter.topic.offsets", this, gauge -> gauge.offsets)
                .description("Offsets held by articles.dlq (dead letters plus transaction markers); 0 when empty")
                .register(registry);
        admin = clients.admin();
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-gauge");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.stream().deadLetterCheckInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
            admin.close();
        }
    }

    private void refresh() {
        String topic = config.topics().deadLetter();
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            offsets = sum(partitions, OffsetSpec.latest()) - sum(partitions, OffsetSpec.earliest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Unknown rather than a stale or made-up figure: the series shows a gap while Kafka is unreachable.
            offsets = Double.NaN;
            LOG.debugf("Could not read the size of %s: %s", topic, e.toString());
        }
    }

    private long sum(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
