package news.wire.enrich.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import news.wire.enrich.config.EnrichConfig;
import news.wire.enrich.enrichment.ArticleEnricher;
import news.wire.enrich.enrichment.RawArticle;

/**
 * Reads articles.raw and writes articles.enriched in Kafka transactions that also commit the consumer offsets,
 * so each raw article yields exactly one enriched article for read_committed readers, even across crashes.
 * A message that cannot be enriched goes to the dead-letter topic inside the same transaction.
 */
@ApplicationScoped
public class EnrichmentLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(EnrichmentLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ArticleEnricher enricher;
    private final ObjectMapper json;
    private final EnrichConfig config;
    private final String bootstrapServers;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean joined;

    public EnrichmentLoop(ArticleEnricher enricher, ObjectMapper json, EnrichConfig config,
                          @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.enricher = enricher;
        this.json = json;
        this.config = config;
        this.bootstrapServers = String.valueOf(kafka.get("bootstrap.servers"));
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this, "enrichment-loop");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    /** True while the loop thread is alive; a dead loop means nothing gets enriched. */
    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** True once the consumer has joined its group and been given its partitions (possibly none). */
    public boolean joined() {
        return joined;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                PipelineTopics.ensureExist(bootstrapServers, config.topics());
                consumeUntilStopped();
                backoff = Duration.ofMillis(250);
            } catch (WakeupException e) {
                // Shutdown asked for it.
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Enrichment loop restarting in %d ms after: %s", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private void consumeUntilStopped() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            consumer = c;
            producer.initTransactions();
            c.subscribe(List.of(config.topics().raw()), rebalanceListener());
            while (running) {
                ConsumerRecords<String, String> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    processInTransaction(c, producer, records);
                }
            }
        } finally {
            consumer = null;
            joined = false;
        }
    }

    private ConsumerRebalanceListener rebalanceListener() {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Nothing buffered between polls: every batch is finished before the next poll.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                joined = true;
            }
        };
    }

    private void processInTransaction(KafkaConsumer<String, String> c, KafkaProducer<String, String> producer,
                                      ConsumerRecords<String, String> records) {
        producer.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                producer.send(output(record));
                next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(next, c.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // This producer can no longer write; the outer loop builds new clients and resumes from committed offsets.
            throw fatal;
        } catch (KafkaException e) {
            producer.abortTransaction();
            rewind(c, records);
            throw e;
        }
    }

    /** The enriched article, a passed-through tombstone, or a dead letter when the message cannot be enriched. */
    private ProducerRecord<String, String> output(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return new ProducerRecord<>(config.topics().enriched(), record.key(), null);
        }
        try {
            RawArticle raw = json.readValue(record.value(), RawArticle.class);
            return new ProducerRecord<>(config.topics().enriched(), record.key(), json.writeValueAsString(enricher.enrich(raw)));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            ProducerRecord<String, String> dead = new ProducerRecord<>(config.topics().deadLetter(), record.key(), record.value());
            dead.headers().add("error.class", e.getClass().getName().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("error.message", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("source.topic", record.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("source.partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("source.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            return dead;
        }
    }

    private static void rewind(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            c.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Never enrich what an aborted upstream transaction wrote.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // Each article waits for this at most before enrichment starts; keep it well under a second.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Zombie fencing comes from the consumer group generation (KIP-447), so the id only has to be unique.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.groupId() + "-" + UUID.randomUUID());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return p;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
