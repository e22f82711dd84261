package news.wire.query.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.LogCapture;
import news.wire.testkit.MessageContract;
import news.wire.testkit.SpanRecorder;
import news.wire.testkit.TraceParent;

/**
 * The indexer ends each article's trace with a span of its own, child of enrich-service's span named in the
 * record's headers, ended once Elasticsearch answered; its log line names the article and the trace.
 */
@QuarkusTest
class TracePropagationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SpanRecorder spans;

    @Test
    void indexingAndDeletingAreSpansOfTheArticlesTraces() throws Exception {
        String id = UUID.randomUUID().toString();
        TraceParent enriched = TraceParent.random();
        TraceParent withdrawn = TraceParent.random();
        try (LogCapture logs = LogCapture.of("news.wire.query")) {
            send(id, article(id), enriched);
            SpanData indexing = indexingSpan(enriched);
            assertEquals(StatusCode.UNSET, indexing.getStatus().getStatusCode());
            // The span ends once Elasticsearch acknowledged the write: the article is there by then.
            given().get("/v1/articles/" + id).then().statusCode(200);
            logs.requireArticleLine("Indexed: version 1", id, enriched.traceId());

            send(id, null, withdrawn);
            assertEquals(StatusCode.UNSET, indexingSpan(withdrawn).getStatus().getStatusCode());
            given().get("/v1/articles/" + id).then().statusCode(404);
            logs.requireArticleLine("Deleted", id, withdrawn.traceId());
        }
    }

    @Test
    void unusableRecordStillEndsItsSpanMarkedFailed() {
        TraceParent upstream = TraceParent.random();
        send(UUID.randomUUID().toString(), "[\"not an article\"]", upstream);
        assertEquals(StatusCode.ERROR, indexingSpan(upstream).getStatus().getStatusCode());
    }

    /** The indexer's span whose parent is the upstream span, once ended. */
    private SpanData indexingSpan(TraceParent upstream) {
        List<SpanData> children = spans.awaitChildren(upstream, WITHIN);
        assertEquals(1, children.size(), () -> "one indexing span expected, got " + children);
        SpanData indexing = children.get(0);
        assertEquals(SpanKind.CONSUMER, indexing.getKind());
        assertEquals("process articles.enriched", indexing.getName());
        return indexing;
    }

    private void send(String id, String value, TraceParent trace) {
        new KafkaTestClient(bootstrapServers).send("articles.enriched", id, value,
                Map.of(TraceParent.HEADER, trace.header()));
    }

    private String article(String id) throws Exception {
        ObjectNode article = MessageContract.ENRICHED_ARTICLE.example(id);
        article.put("version", 1);
        return article.toString();
    }
}
