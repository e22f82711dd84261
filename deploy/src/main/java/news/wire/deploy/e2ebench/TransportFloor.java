package news.wire.deploy.e2ebench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import news.wire.deploy.reuters.ArticleSubmission;

/**
 * The floor under the pipeline's figures: the same articles written straight to Kafka, read back and bulk-indexed
 * straight into Elasticsearch under the article index's own mappings and analyzers, with no ingest, enrichment or
 * story matching. What the two servers cost for the bare transport and indexing of an article, on the same stack in
 * the same run, is what the pipeline's rate and CPU are divided by.
 */
final class TransportFloor {

    /** Documents per bulk request, as the indexer writes them at most. */
    private static final int BULK = 500;

    private final String bootstrap;
    private final URI elasticsearch;
    private final StackProcesses processes;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TransportFloor(String bootstrap, URI elasticsearch, StackProcesses processes) {
        this.bootstrap = bootstrap;
        this.elasticsearch = elasticsearch;
        this.processes = processes;
    }

    /** What writing, reading and indexing {@code count} articles took: wall time and CPU per process. */
    record Result(long articles, double seconds, Map<String, Long> cpuMillis) {

        double rate() {
            return seconds > 0 ? articles / seconds : 0;
        }

        /** CPU milliseconds per article of the servers (Kafka and Elasticsearch), the driver left out. */
        double serverMillisPerArticle() {
            long servers = cpuMillis.entrySet().stream().filter(e -> !e.getKey().equals("driver"))
                    .mapToLong(Map.Entry::getValue).sum();
            return articles > 0 ? servers / (double) articles : Double.NaN;
        }
    }

    Result run(BenchArticles articles, int count, String run) throws IOException, InterruptedException {
        String name = "e2e-floor-" + run;
        List<ArticleSubmission> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(articles.next());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, java.util.Optional.empty(), java.util.Optional.empty())))
                    .all().get();
            createIndexLikeArticles(name);
            try {
                Map<String, Long> before = processes.cpuMillis();
                long start = System.nanoTime();
                produce(name, posts);
                consumeAndIndex(name, count);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Long> used = new LinkedHashMap<>();
                processes.cpuMillis().forEach((component, millis) -> {
                    if (Set.of("kafka", "elasticsearch", "driver").contains(component)) {
                        used.put(component, millis - before.getOrDefault(component, millis));
                    }
                });
                return new Result(count, seconds, used);
            } finally {
                admin.deleteTopics(List.of(name));
                send(HttpRequest.newBuilder(elasticsearch.resolve("/" + name)).DELETE());
            }
        } catch (ExecutionException e) {
            throw new IOException("the floor's topic could not be made: " + e.getCause(), e.getCause());
        }
    }

    private void produce(String topic, List<ArticleSubmission> posts) throws IOException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (ArticleSubmission post : posts) {
                producer.send(new ProducerRecord<>(topic, post.sourceItemId(), json.writeValueAsString(post)));
            }
            producer.flush();
        }
    }

    private void consumeAndIndex(String topic, int count) throws IOException, InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BULK);
        int indexed = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (indexed < count) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the floor read back " + indexed + " of " + count + " articles in 5 minutes");
                }
                StringBuilder bulk = new StringBuilder();
                int n = 0;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    bulk.append("{\"index\":{\"_id\":").append(json.writeValueAsString(record.key())).append("}}\n")
                            .append(record.value()).append('\n');
                    n++;
                }
                if (n > 0) {
                    bulkIndex(topic, bulk.toString());
                    consumer.commitSync();
                    indexed += n;
                }
            }
        }
        send(HttpRequest.newBuilder(elasticsearch.resolve("/" + topic + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private void bulkIndex(String index, String ndjson) throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_bulk"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8)));
        if (answer.path("errors").asBoolean()) {
            throw new IOException("the floor's bulk write was refused in part: " + answer.path("items").path(0));
        }
    }

    /** A scratch index with the article index's analysis settings and mappings, so a document costs what one does. */
    private void createIndexLikeArticles(String name) throws IOException, InterruptedException {
        JsonNode live = send(HttpRequest.newBuilder(elasticsearch.resolve("/articles")).GET());
        Iterator<JsonNode> indices = live.elements();
        if (!indices.hasNext()) {
            throw new IOException("no article index to copy the mappings of");
        }
        JsonNode index = indices.next();
        ObjectNode body = json.createObjectNode();
        ObjectNode settings = body.putObject("settings").putObject("index");
        settings.put("number_of_shards", index.path("settings").path("index").path("number_of_shards").asText("1"));
        settings.put("number_of_replicas", index.path("settings").path("index").path("number_of_replicas").asText("0"));
        settings.put("refresh_interval", index.path("settings").path("index").path("refresh_interval").asText("1s"));
        if (index.path("settings").path("index").has("analysis")) {
            settings.set("analysis", index.path("settings").path("index").path("analysis"));
        }
        body.set("mappings", index.path("mappings"));
        send(HttpRequest.newBuilder(elasticsearch.resolve("/" + name)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IOException("Elasticsearch answered " + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }
}
