package news.wire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Failure drills for the clustered stack ({@code pipeline up --kafka-brokers 3 --es-nodes 2}), with real processes
 * and copy posted to ingest at 20 articles/s: a Kafka broker killed with SIGKILL while the stream flows (topics have
 * three replicas and min.insync.replicas 2), and an Elasticsearch data node killed likewise (the index keeps a
 * replica on the other node). While the node is down and again after it has rejoined, every accepted article must
 * be served once at its latest version and every withdrawn one gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterNodeLossDrillTest {

    private static final int STREAM = 300;
    private static final Duration PACE = Duration.ofMillis(50);
    /** The fault lands once this many of the stream's articles are searchable: the pipeline is at work on it. */
    private static final int SEARCHABLE_BEFORE_FAULT = 20;
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(3);
    private static final List<String> TOPICS = List.of("articles.raw", "articles.enriched", "articles.dlq");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalPipeline stack;

    @BeforeAll
    static void startClusteredStack() throws Exception {
        stack = LocalPipeline.createCluster("wire-cluster-drill", 3, 2).withRetryCeiling(Duration.ofSeconds(2));
        List<String> up = new ArrayList<>(List.of("up"));
        up.addAll(stack.clusterOptions());
        stack.run(Duration.ofMinutes(10), up.toArray(String[]::new));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close(); // fails if a process 'pipeline up' started outlives 'pipeline down'
        }
    }

    @Test
    @Order(1)
    void everyAcceptedArticleIsServedOnceAtItsLatestVersionWithABrokerKilledUnderLoad() throws Exception {
        DrillWire wire = new DrillWire(stack);
        wire.warmUp(Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            for (TopicDescription topic : describe(admin).values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    assertEquals(3, partition.replicas().size(), topic.name() + " replicas");
                }
            }
            // The broker coordinating enrich-service's transactions: its loss also tests exactly-once handover.
            int victim = transactionCoordinator(admin);
            String broker = victim == 1 ? "kafka" : "kafka-" + victim;

            streamWithFault(wire, () -> stack.run(Duration.ofMinutes(1), "kill", broker));
            Duration settled = wire.assertServedAsAccepted(SETTLED_WITHIN);
            System.out.printf("drill: broker %d (enrich's transaction coordinator) killed under load; %d articles "
                    + "accepted (%d live), all served as accepted %d s after the stream ended, broker still down%n",
                    victim, wire.accepted(), wire.live(), settled.toSeconds());

            stack.run(Duration.ofMinutes(2), "up", broker);
            long rejoining = System.nanoTime();
            while (!allInSync(admin)) {
                assertTrue(System.nanoTime() - rejoining < Duration.ofMinutes(2).toNanos(),
                        "broker " + victim + " never caught up: " + describe(admin));
                Thread.sleep(1_000);
            }
            System.out.printf("drill: broker %d back in sync on every partition %d s after restart%n", victim,
                    Duration.ofNanos(System.nanoTime() - rejoining).toSeconds());
            wire.assertServedAsAccepted(Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(2)
    void everyAcceptedArticleIsServedOnceAtItsLatestVersionWithAnElasticsearchNodeKilledUnderLoad() throws Exception {
        DrillWire wire = new DrillWire(stack);
        wire.warmUp(Duration.ofSeconds(60));
        awaitGreen();
        JsonNode copies = articleShards();
        assertEquals(2, copies.size(), "the index keeps a copy on each node: " + copies);
        for (JsonNode copy : copies) {
            assertEquals("STARTED", copy.path("state").asText(), copies.toString());
        }
        System.out.println("drill: article index copies before the fault " + copies);

        streamWithFault(wire, () -> stack.run(Duration.ofMinutes(1), "kill", "elasticsearch-2"));
        Duration settled = wire.assertServedAsAccepted(SETTLED_WITHIN);
        System.out.printf("drill: Elasticsearch node 2 killed under load; %d articles accepted (%d live), all served "
                + "as accepted %d s after the stream ended, node still down%n", wire.accepted(), wire.live(),
                settled.toSeconds());

        long rejoining = System.nanoTime();
        stack.run(Duration.ofMinutes(3), "up", "elasticsearch-2");
        awaitGreen();
        System.out.printf("drill: node 2 back and its copy recovered %d s after restart%n",
                Duration.ofNanos(System.nanoTime() - rejoining).toSeconds());
        wire.assertServedAsAccepted(Duration.ofSeconds(30));
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Streams STREAM new articles at PACE and injects the fault once the pipeline is visibly at work on them (and
     * before the stream is over); then revises a third and withdraws a tenth of what was accepted.
     */
    private static void streamWithFault(DrillWire wire, Fault fault) throws Exception {
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try {
            int before = wire.searchable();
            Future<?> stream = poster.submit(() -> wire.postRound("stream", STREAM, PACE));
            long start = System.nanoTime();
            while (wire.searchable() - before < SEARCHABLE_BEFORE_FAULT && !stream.isDone()
                    && System.nanoTime() - start < PACE.multipliedBy(STREAM).toNanos()) {
                Thread.sleep(100);
            }
            assertTrue(!stream.isDone(), "the fault must land while the stream is still flowing");
            int searchableAtFault = wire.searchable() - before;
            fault.inject();
            stream.get(5, TimeUnit.MINUTES);
            System.out.printf("drill: fault injected with %d of %d streamed articles searchable%n", searchableAtFault,
                    STREAM);
            wire.reviseAndWithdraw();
        } finally {
            poster.shutdownNow();
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin) throws Exception {
        return new TreeMap<>(admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS));
    }

    private static boolean allInSync(Admin admin) throws Exception {
        return describe(admin).values().stream().flatMap(t -> t.partitions().stream())
                .allMatch(p -> p.isr().size() == p.replicas().size());
    }

    /** The coordinator of enrich-service's transactional producer (it has begun transactions once warmed up). */
    private static int transactionCoordinator(Admin admin) throws Exception {
        List<String> ids = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                .map(TransactionListing::transactionalId).toList();
        assertTrue(!ids.isEmpty(), "enrich-service has a transactional producer");
        return admin.describeTransactions(ids).all().get(30, TimeUnit.SECONDS).get(ids.get(0)).coordinatorId();
    }

    /** Waits until every copy of the articles index is allocated and started. */
    private static void awaitGreen() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(stack.elasticsearch(1,
                "/_cluster/health/articles?wait_for_status=green&timeout=120s")).timeout(Duration.ofSeconds(150))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("green", JSON.readTree(health.body()).path("status").asText(), health.body());
    }

    /** The copies of the articles index, with their node and state. */
    private static JsonNode articleShards() throws Exception {
        HttpResponse<String> shards = HTTP.send(HttpRequest.newBuilder(stack.elasticsearch(1,
                "/_cat/shards/articles?format=json&h=prirep,state,node")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shards.statusCode(), shards.body());
        return JSON.readTree(shards.body());
    }
}
