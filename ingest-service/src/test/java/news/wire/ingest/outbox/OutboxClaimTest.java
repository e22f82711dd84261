package news.wire.ingest.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.wire.ingest.intake.Article;
import news.wire.ingest.intake.IntakeStatus;
import news.wire.ingest.kafka.KafkaClients;
import news.wire.ingest.kafka.PublishTracing;
import news.wire.ingest.kafka.RawTopic;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.PostgresTestResource;

/**
 * Several relays share one outbox, as several ingest instances do: two relays, each with its own producer and its own
 * transactions, drain a backlog together against the real PostgreSQL and broker. Every row reaches Kafka exactly
 * once, an article's versions arrive in the order they were written, and a relay that cannot reach Kafka lets go
 * of its rows for the other. The rows go to a topic of the test's own, so only they are counted.
 */
@QuarkusTest
@TestProfile(QuietRelayProfile.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class OutboxClaimTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    KafkaClients clients;

    @Inject
    RawTopic rawTopic;

    @Inject
    MeterRegistry metrics;

    @Inject
    PublishTracing tracing;

    @Inject
    Event<OutboxPublished> acknowledged;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoRelaysDrainABacklogPublishingEveryVersionOnceAndEachArticleInOrder() throws Exception {
        int articles = 100;
        int versions = 4;
        String topic = newTopic();
        List<UUID> ids = backlog(topic, articles, versions);

        try (Producer<String, String> first = producer(bootstrapServers, Map.of());
             Producer<String, String> second = producer(bootstrapServers, Map.of())) {
            List<OutboxRelay> relays = List.of(relay(first, 16), relay(second, 16));
            List<CompletableFuture<Integer>> drains = relays.stream()
                    .map(relay -> CompletableFuture.supplyAsync(() -> drain(relay, ids))).toList();
            List<Integer> published = new ArrayList<>();
            for (CompletableFuture<Integer> drain : drains) {
                published.add(drain.get(WITHIN.toSeconds(), TimeUnit.SECONDS));
            }
            assertTrue(published.stream().allMatch(n -> n > 0), "both relays took part: " + published);
        }

        Map<String, List<Integer>> arrived = versionsByKey(topic, articles * versions);
        List<Integer> inOrder = IntStream.rangeClosed(1, versions).boxed().toList();
        assertEquals(articles, arrived.size());
        for (UUID id : ids) {
            assertEquals(inOrder, arrived.get(id.toString()), "versions of " + id + " once each, in order");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, OutboxMessage.count("articleId in ?1 and sentAt is null", ids));
            assertEquals(articles, Article.count("id in ?1 and status = ?2", ids, IntakeStatus.PUBLISHED));
        });
    }

    @Test
    void aRelayThatCannotReachKafkaReleasesItsRowsToTheOther() throws Exception {
        int articles = 5;
        String topic = newTopic();
        List<UUID> ids = backlog(topic, articles, 2);
        Duration maxBlock = Duration.ofSeconds(2);

        try (Producer<String, String> unreachable = producer("127.0.0.1:" + closedPort(),
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000));
             Producer<String, String> reachable = producer(bootstrapServers, Map.of())) {
            OutboxRelay failing = relay(unreachable, 10);
            OutboxRelay healthy = relay(reachable, 10);

            AtomicReference<Throwable> failed = new AtomicReference<>();
            long started = System.nanoTime();
            Thread failingPass = new Thread(() -> {
                try {
                    failing.relayBatch();
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            failingPass.start();
            awaitClaimHeldWhileSending();

            // The first versions are claimed by the failing relay, the second ones wait behind them: nothing to take.
            healthy.relayBatch();
            assertEquals(articles * 2L, unsent(ids), "the other relay took none of the claimed articles' rows");

            failingPass.join(WITHIN.toMillis());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertInstanceOf(IllegalStateException.class, failed.get(), "the failed pass is reported for back-off");
            assertTrue(took.compareTo(maxBlock.multipliedBy(2)) < 0,
                    "the pass gave up at the first failed send, not one wait per row: " + took);
            assertEquals(articles * 2L, unsent(ids), "nothing was marked sent");

            healthy.relayBatch();
            assertEquals(articles, unsent(ids), "the released first versions went, the second ones waited for them");
            healthy.relayBatch();
            assertEquals(0, unsent(ids), "then the second versions");
        }
        Map<String, List<Integer>> arrived = versionsByKey(topic, articles * 2);
        for (UUID id : ids) {
            assertEquals(List.of(1, 2), arrived.get(id.toString()));
        }
    }

    /** The rule that orders versions, on its own: an earlier unsent version, even one not yet due, holds back the next. */
    @Test
    void aLaterVersionNeverOvertakesAnEarlierUnsentOne() throws Exception {
        String topic = newTopic();
        List<UUID> ids = backlog(topic, 1, 2);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "availableAt = ?1 where articleId = ?2 and id = (select min(m.id) from OutboxMessage m where m.articleId = ?2)",
                Instant.now().plus(Duration.ofHours(1)), ids.get(0)));

        try (Producer<String, String> producer = producer(bootstrapServers, Map.of())) {
            OutboxRelay relay = relay(producer, 10);
            relay.relayBatch();
            assertEquals(2, unsent(ids), "version 2 is due but waits for version 1");

            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                    "availableAt = ?1 where articleId = ?2", Instant.now(), ids.get(0)));
            relay.relayBatch();
            assertEquals(1, unsent(ids), "version 1 alone");
            relay.relayBatch();
            assertEquals(0, unsent(ids), "then version 2");
        }
        assertEquals(List.of(1, 2), versionsByKey(topic, 2).get(ids.get(0).toString()));
    }

    private OutboxRelay relay(Producer<String, String> producer, int batchSize) {
        return new OutboxRelay(producer, rawTopic, clients, batchSize, Duration.ofHours(1), Duration.ofSeconds(1),
                metrics, tracing, acknowledged);
    }

    /** Runs passes until none of these articles' rows is left unsent; returns how many messages it published. */
    private int drain(OutboxRelay relay, List<UUID> ids) {
        int published = 0;
        long deadline = System.nanoTime() + WITHIN.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                int pass = relay.relayBatch();
                published += pass;
                if (pass == 0) {
                    // The other relay holds what is left (or holds the versions before it): wait for its commit.
                    if (unsent(ids) == 0) {
                        return published;
                    }
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("backlog not drained within " + WITHIN);
    }

    /**
     * Writes {@code versions} outbox rows for each of {@code count} new articles, version by version, so the rows of
     * one article lie between those of all the others, as a busy desk's updates do.
     */
    private List<UUID> backlog(String topic, int count, int versions) {
        List<UUID> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (UUID id : ids) {
                Article article = new Article();
                article.id = id;
                article.version = versions;
                article.source = "Claim Wire";
                article.sourceItemId = id.toString();
                article.headline = "Harbour update " + id;
                article.body = "Cranes idle for a further day.";
                article.contentHash = id.toString().replace("-", "") + "0".repeat(32);
                article.publishedAt = now;
                article.receivedAt = now;
                article.status = IntakeStatus.STORED;
                article.persist();
            }
            Article.flush();
            for (int version = 1; version <= versions; version++) {
                for (UUID id : ids) {
                    OutboxMessage message = new OutboxMessage();
                    message.articleId = id;
                    message.topic = topic;
                    message.messageKey = id.toString();
                    message.payload = "{\"id\":\"" + id + "\",\"version\":" + version + "}";
                    message.createdAt = now;
                    message.availableAt = now;
                    message.persist();
                }
            }
        });
        return ids;
    }

    private static long unsent(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("articleId in ?1 and sentAt is null", ids));
    }

    /** Until a relay's transaction sits open after its claim query: the claim is held while the relay sends. */
    private static void awaitClaimHeldWhileSending() throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            long holding = QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxMessage.getEntityManager()
                    .createNativeQuery("select count(*) from pg_stat_activity where state = 'idle in transaction' "
                            + "and query like '%skip locked%' and query like '%outbox_message%'")
                    .getSingleResult()).longValue());
            if (holding > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the failing relay never claimed its rows");
    }

    /** Reads the topic from its beginning until {@code expected} records arrived: each key's versions as they came. */
    private Map<String, List<Integer>> versionsByKey(String topic, int expected) throws Exception {
        Map<String, List<Integer>> versions = new LinkedHashMap<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int received = 0;
            long deadline = System.nanoTime() + WITHIN.toNanos();
            // A little past the expected count, so a duplicate that arrives late is still seen.
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    versions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(json.readTree(record.value()).get("version").asInt());
                    received++;
                }
                if (received >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
            }
            assertEquals(expected, received, "records on " + topic);
        }
        return versions;
    }

    private String newTopic() throws Exception {
        String topic = "outbox-claim-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = clients.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        return topic;
    }

    /** A producer of the relay's kind (idempotent, acks=all), as another instance would have its own. */
    private static Producer<String, String> producer(String bootstrap, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A local port nothing listens on: a broker that is down. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
