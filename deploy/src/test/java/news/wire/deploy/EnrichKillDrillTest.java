package news.wire.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Crash drill for enrich-service's exactly-once promise, with real processes: a stream of articles flows into
 * articles.raw, enrich-service is killed with SIGKILL while it is working through a burst of them, the rest
 * arrive while it is down, and after {@code pipeline up enrich} every article version and withdrawal must be on
 * articles.enriched exactly once for a read_committed reader, and none on the dead-letter topic.
 *
 * <p>Articles go straight to articles.raw with an idempotent producer (ingest and PostgreSQL are not started):
 * the input then holds each message exactly once, so a duplicate downstream can only be enrich-service's doing.
 * Kafka runs as in production, SASL_SSL with SCRAM-SHA-512 ({@code up --secure}); then enrich is given a wrong
 * password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrichKillDrillTest {

    private static final String RAW = "articles.raw";
    private static final String ENRICHED = "articles.enriched";
    private static final String DEAD_LETTER = "articles.dlq";
    private static final String ENRICH_GROUP = "enrich-service";

    private static final int ARTICLES = 600;
    private static final int BURST = 60;
    /** Killed right after this burst is sent: some bursts are through by then, most are still to come. */
    private static final int KILL_AFTER_BURST = 4;
    /** The burst the kill follows is bigger, so that enrich is surely in the middle of it. */
    private static final int KILL_BURST = 3 * BURST;
    private static final Duration PACE = Duration.ofMillis(250);
    private static final int SENTENCES_PER_BODY = 70;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPipeline stack;

    @BeforeAll
    static void startKafkaAndEnrich() throws Exception {
        // The wrong password drill waits for the workers to retry several times, which at 2 s apart (10 s by
        // default) takes a fifth of the time.
        stack = LocalPipeline.create("wire-drill").withRetryCeiling(Duration.ofSeconds(2));
        Runtime.getRuntime().addShutdownHook(new Thread(EnrichKillDrillTest::stopQuietly));
        stack.run(Duration.ofMinutes(8), "up", "--secure", "kafka", "enrich");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (stack != null) {
            LocalPipeline started = stack;
            stack = null;
            started.close();
        }
    }

    @Test
    @Order(1)
    void killedMidStreamAndRestartedEnrichesEveryArticleExactlyOnce() throws Exception {
        List<ProducerRecord<String, String>> stream = drillStream();
        Set<String> expected = stream.stream().map(EnrichKillDrillTest::identity).collect(Collectors.toSet());
        List<List<ProducerRecord<String, String>>> bursts = bursts(stream);
        assertTrue(KILL_AFTER_BURST < bursts.size() - 1, "the drill needs bursts left after the kill");

        Map<String, Integer> seen = new HashMap<>();
        int seenBeforeKill = -1;
        int seenAfterKill = -1;
        long backlogAtKill = -1;
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> watcher = consumer("read_committed")) {
            watchFromBeginning(watcher, ENRICHED);
            for (int b = 0; b < bursts.size(); b++) {
                bursts.get(b).forEach(producer::send);
                producer.flush();
                if (b == 0) {
                    // A cold JVM takes a moment for its first transaction; the kill must come after some output.
                    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                            .until(() -> readToEnd(watcher, seen) > 0);
                }
                if (b == KILL_AFTER_BURST) {
                    seenBeforeKill = readToEnd(watcher, seen);
                    stack.run(Duration.ofMinutes(1), "kill", "enrich");
                    backlogAtKill = uncommittedInput();
                    seenAfterKill = readToEnd(watcher, seen);
                }
                Thread.sleep(PACE.toMillis());
            }

            System.out.printf("drill: %d messages; %d enriched before the kill, %d right after it, %d raw messages "
                    + "not committed by enrich at the kill%n", expected.size(), seenBeforeKill, seenAfterKill, backlogAtKill);
            int before = seenBeforeKill;
            assertTrue(before > 0 && before < expected.size(), () -> "the kill was not mid-stream: " + before
                    + " of " + expected.size() + " enriched before it (post more, or longer articles)");
            long backlog = backlogAtKill;
            assertTrue(backlog > 0, () -> "enrich had nothing in hand at the kill (" + backlog + " uncommitted raw "
                    + "messages): the drill proved nothing, send bigger bursts");

            long restart = System.nanoTime();
            stack.run(Duration.ofMinutes(3), "up", "enrich");
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> readToEnd(watcher, seen) >= expected.size() && seen.keySet().containsAll(expected));
            System.out.printf("drill: all %d visible %d ms after 'pipeline up enrich' began%n", expected.size(),
                    Duration.ofNanos(System.nanoTime() - restart).toMillis());
        }

        // Everything read and committed by enrich: the log now holds all it will ever write for this input.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> uncommittedInput() == 0);
        Map<String, Integer> committed = countAll(ENRICHED, "read_committed");
        Map<String, Integer> written = countAll(ENRICHED, "read_uncommitted");

        List<String> missing = expected.stream().filter(id -> !committed.containsKey(id)).sorted().toList();
        Map<String, Integer> duplicated = new TreeMap<>();
        committed.forEach((id, n) -> {
            if (expected.contains(id) && n != 1) {
                duplicated.put(id, n);
            }
        });
        int aborted = written.entrySet().stream().filter(e -> expected.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum() - expected.size();
        System.out.printf("drill: %d records of transactions the kill cut short are in the log, aborted%n", aborted);
        assertTrue(missing.isEmpty(), () -> missing.size() + " never enriched, e.g. " + missing.subList(0, Math.min(5, missing.size())));
        assertTrue(duplicated.isEmpty(), () -> duplicated.size() + " enriched more than once: " + duplicated);

        Map<String, Integer> dead = countAll(DEAD_LETTER, "read_committed");
        List<String> deadOurs = dead.keySet().stream().filter(expected::contains).toList();
        assertEquals(List.of(), deadOurs, "drill articles on the dead-letter topic");
    }

    /**
     * Wrong credentials: enrich stays not ready and says why in one log line however often its clients retry, and
     * what arrives meanwhile is enriched exactly once when the right password is back.
     */
    @Test
    @Order(2)
    void aWrongPasswordLeavesEnrichNotReadyWithOneLogLineAndLosesNothing() throws Exception {
        Path passwords = stack.secrets().resolve("passwords.env");
        String right = Files.readString(passwords);
        List<ProducerRecord<String, String>> stream = drillStream().subList(0, 2 * BURST);
        Set<String> expected = stream.stream().map(EnrichKillDrillTest::identity).collect(Collectors.toSet());

        stack.run(Duration.ofMinutes(1), "down", "enrich");
        Files.writeString(passwords, right.replaceAll("(?m)^ENRICH_PASSWORD=.*$", "ENRICH_PASSWORD=notTheOneKafkaHas"));
        int logBefore = stack.serviceLog("enrich").length();
        Process launcher = stack.start(stack.secrets().resolveSibling("launcher-wrong-password.log"), "up", "enrich");
        try (KafkaProducer<String, String> producer = producer()) {
            stream.forEach(producer::send);
            producer.flush();
        }
        HttpClient http = HttpClient.newHttpClient();
        URI ready = stack.service("ENRICH_PORT", "/q/health/ready");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(ready).build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 503 && health.body().contains("SaslAuthenticationException");
        });
        // Long enough for every client to have retried several times: the workers every 2 s once their wait has
        // doubled up to this stack's retry ceiling, admin clients within a second.
        Thread.sleep(Duration.ofSeconds(10).toMillis());
        List<String> refusals = stack.serviceLog("enrich").substring(logBefore).lines()
                .filter(line -> line.contains("failed authentication") || line.contains("AuthenticationException"))
                .toList();
        launcher.destroy();
        launcher.waitFor(30, TimeUnit.SECONDS);
        stack.run(Duration.ofMinutes(1), "down", "enrich");
        System.out.printf("drill: wrong password: readiness down; refusal lines logged: %s%n", refusals);
        assertEquals(1, refusals.size(), () -> "one line for the refused login, not " + refusals);

        Files.writeString(passwords, right);
        stack.run(Duration.ofMinutes(3), "up", "enrich");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> uncommittedInput() == 0);
        Map<String, Integer> committed = countAll(ENRICHED, "read_committed");
        List<String> wrong = expected.stream().filter(id -> committed.getOrDefault(id, 0) != 1).sorted().toList();
        assertEquals(List.of(), wrong, "articles sent during the refusal, not enriched exactly once");
    }

    private static List<List<ProducerRecord<String, String>>> bursts(List<ProducerRecord<String, String>> stream) {
        List<List<ProducerRecord<String, String>>> bursts = new ArrayList<>();
        int from = 0;
        while (from < stream.size()) {
            int size = bursts.size() == KILL_AFTER_BURST ? KILL_BURST : BURST;
            bursts.add(stream.subList(from, Math.min(stream.size(), from + size)));
            from += size;
        }
        return bursts;
    }

    /**
     * First versions of distinct articles, every tenth followed later by its second version and every thirtieth
     * then by its withdrawal (a tombstone), all under the article id as key, as ingest would publish them.
     */
    private static List<ProducerRecord<String, String>> drillStream() {
        Random random = new Random(20261121L);
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> stream = new ArrayList<>();
        for (int n = 0; n < ARTICLES; n++) {
            ids.add(UUID.randomUUID().toString());
            stream.add(new ProducerRecord<>(RAW, ids.get(n), article(ids.get(n), 1, n, random)));
            if (n % 10 == 9) {
                stream.add(new ProducerRecord<>(RAW, ids.get(n - 9), article(ids.get(n - 9), 2, n - 9, random)));
            }
            if (n % 30 == 29) {
                stream.add(new ProducerRecord<>(RAW, ids.get(n - 29), null));
            }
        }
        return stream;
    }

    private static final String[] PEOPLE = {"Marta Ilves", "Tomas Reyne", "Helen Marrow", "Oskar Vadim", "Lena Dorsey",
            "Piet Kanwar", "Ada Quell", "Ruben Sayle"};
    private static final String[] PLACES = {"Valmora", "Kestrel Bay", "Brennick", "Delmont", "Ravensholm", "Orrin"};
    private static final String[] BODIES = {"Valmora Port Authority", "Brennick Transit Board",
            "Delmont Grain Cooperative", "Orrin Water Company", "Kestrel Bay Ferry Union"};
    private static final String[] VERBS = {"said on Tuesday", "told reporters", "confirmed in a statement",
            "warned late on Friday"};

    /** An invented wire story, long enough to give the tagger work, and different for every article and version. */
    private static String article(String id, int version, int n, Random random) {
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < SENTENCES_PER_BODY; s++) {
            body.append(PEOPLE[random.nextInt(PEOPLE.length)]).append(" of the ")
                    .append(BODIES[random.nextInt(BODIES.length)]).append(' ')
                    .append(VERBS[random.nextInt(VERBS.length)]).append(" that ")
                    .append(100 + random.nextInt(900)).append(" workers in ")
                    .append(PLACES[random.nextInt(PLACES.length)]).append(" would return after talks in ")
                    .append(PLACES[random.nextInt(PLACES.length)]).append(" (drill story ").append(n)
                    .append(", take ").append(version).append("). ");
        }
        Instant published = Instant.parse("2026-11-19T06:00:00Z").plusSeconds(n * 60L);
        ObjectNode raw = JSON.createObjectNode()
                .put("schema", "article.raw/v1")
                .put("id", id)
                .put("version", version)
                .put("source", "Drill Wire")
                .put("headline", "Talks resume in " + PLACES[n % PLACES.length] + ", drill story " + n)
                .put("body", body.toString().strip())
                .put("language", "en")
                .put("publishedAt", published.toString())
                .put("receivedAt", published.plusSeconds(version * 30L).toString());
        return raw.toString();
    }

    /** What must come out once: {@code id@version} for an article, {@code id@withdrawn} for a tombstone. */
    private static String identity(ProducerRecord<String, String> raw) {
        if (raw.value() == null) {
            return raw.key() + "@withdrawn";
        }
        try {
            return raw.key() + "@" + JSON.readTree(raw.value()).get("version").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String identity(ConsumerRecord<String, String> out) {
        if (out.value() == null) {
            return out.key() + "@withdrawn";
        }
        try {
            JsonNode enriched = JSON.readTree(out.value());
            return enriched.path("id").asText() + "@" + enriched.path("version").asInt();
        } catch (Exception e) {
            // Not JSON (a dead letter of someone's poison): count it under its key.
            return out.key() + "@unreadable";
        }
    }

    private static void watchFromBeginning(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until the consumer stands at the end its isolation level lets it see (for read_committed, the last
     * stable offset), adding to the tally; returns the tally's total.
     */
    private static int readToEnd(KafkaConsumer<String, String> consumer, Map<String, Integer> tally) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read to the end of " + end.keySet() + " within 60 s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                tally.merge(identity(record), 1, Integer::sum);
            }
        }
        return tally.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Map<String, Integer> countAll(String topic, String isolation) throws IOException {
        Map<String, Integer> tally = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(isolation)) {
            watchFromBeginning(consumer, topic);
            readToEnd(consumer, tally);
        }
        return tally;
    }

    /** Raw messages that enrich's group has not committed yet (produced minus committed, over all partitions). */
    private static long uncommittedInput() throws Exception {
        try (Admin admin = Admin.create(stack.kafkaClient(Map.of()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ENRICH_GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            int partitions = admin.describeTopics(List.of(RAW)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(RAW).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(RAW, p), OffsetSpec.latest());
            }
            long behind = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return behind;
        }
    }

    private static KafkaProducer<String, String> producer() throws IOException {
        Map<String, Object> config = stack.kafkaClient(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String isolation) throws IOException {
        Map<String, Object> config = stack.kafkaClient(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void stopQuietly() {
        LocalPipeline started = stack;
        if (started != null) {
            try {
                started.stop();
            } catch (Exception e) {
                System.err.println("drill: could not stop the pipeline: " + e);
            }
        }
    }
}
