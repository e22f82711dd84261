package news.wire.query.indexing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import news.wire.query.config.QueryConfig;
import news.wire.query.stories.StoryAssigner;

/**
 * Reads articles.enriched and bulk-writes Elasticsearch, committing Kafka offsets only after Elasticsearch
 * accepted the batch. The article version is the document's external version, so a replayed or reordered
 * older version never replaces a newer one; tombstones delete.
 */
@ApplicationScoped
public class ArticleIndexer implements Runnable {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final ElasticsearchClient elasticsearch;
    private final ArticleIndex index;
    private final ObjectMapper json;
    private final QueryConfig.Indexer config;
    private final String bootstrapServers;
    private final StoryAssigner stories;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean joined;

    public ArticleIndexer(ElasticsearchClient elasticsearch, ArticleIndex index, ObjectMapper json, QueryConfig config,
                          @Identifier("default-kafka-broker") Map<String, Object> kafka, StoryAssigner stories) {
        this.elasticsearch = elasticsearch;
        this.index = index;
        this.json = json;
        this.config = config.indexer();
        this.bootstrapServers = String.valueOf(kafka.get("bootstrap.servers"));
        this.stories = stories;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this, "article-indexer");
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

    /** True while the indexing thread is alive. */
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
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                index.ensureExists();
                EnrichedTopic.ensureExists(bootstrapServers, config);
                consumeUntilStopped();
            } catch (WakeupException e) {
                // Shutdown asked for it.
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Indexer restarting in %d ms after: %s", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = next(backoff);
            }
        }
    }

    private void consumeUntilStopped() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig())) {
            consumer = c;
            c.subscribe(List.of(config.topic()), rebalanceListener());
            Duration backoff = FIRST_BACKOFF;
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    write(records);
                    c.commitSync();
                    backoff = FIRST_BACKOFF;
                } catch (IOException | ElasticsearchException | RetryableIndexingException e) {
                    // Nothing committed: read the same batch again once Elasticsearch is back.
                    LOG.warnf("Elasticsearch unavailable (%s); retrying batch in %d ms", e.getMessage(), backoff.toMillis());
                    rewind(c, records);
                    sleep(backoff);
                    backoff = next(backoff);
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

    private void write(ConsumerRecords<String, String> records) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            toOperation(record).ifPresent(operations::add);
        }
        if (operations.isEmpty()) {
            return;
        }
        // Stories (issue 5): until the batch-listener hook of the search branch is merged, the assigner is called here.
        stories.assign(operations.stream().filter(BulkOperation::isIndex).map(op -> op.index().document())
                .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList());
        BulkResponse response = elasticsearch.bulk(b -> b.index(ArticleIndex.ALIAS).operations(operations));
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || item.status() == 409 || item.status() == 404) {
                // 409: Elasticsearch already holds this version or a newer one; 404: deleting what is not there.
                continue;
            }
            if (item.status() == 429 || item.status() >= 500) {
                throw new RetryableIndexingException(item.id() + ": " + item.error().reason());
            }
            LOG.errorf("Article %s rejected by Elasticsearch (%d): %s", item.id(), item.status(), item.error().reason());
        }
    }

    private java.util.Optional<BulkOperation> toOperation(ConsumerRecord<String, String> record) {
        String id = record.key();
        if (id == null) {
            LOG.errorf("Skipping keyless record %s-%d@%d", record.topic(), record.partition(), record.offset());
            return java.util.Optional.empty();
        }
        if (record.value() == null) {
            return java.util.Optional.of(BulkOperation.of(op -> op.delete(d -> d.id(id))));
        }
        JsonNode article;
        try {
            article = json.readTree(record.value());
        } catch (IOException e) {
            LOG.errorf("Skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return java.util.Optional.empty();
        }
        long version = article.path("version").asLong(1);
        return java.util.Optional.of(BulkOperation.of(op -> op.index(i -> i.id(id)
                .version(version).versionType(VersionType.External).document(article))));
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
        // Only what enrich-service committed: never index output of an aborted transaction.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        // Transactional data becomes readable when the commit marker lands, which does not wake a waiting fetch:
        // a short wait bounds the delay that adds to every article's time to searchable.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
