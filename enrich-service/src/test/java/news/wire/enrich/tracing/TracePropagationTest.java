package news.wire.enrich.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.LogCapture;
import news.wire.testkit.MessageContract;
import news.wire.testkit.SpanRecorder;
import news.wire.testkit.TraceParent;

/**
 * Each record enrich-service writes continues the trace of the raw record it came from, under a span of its own
 * whose parent is the upstream span; its log line names the article and the trace.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class TracePropagationTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SpanRecorder spans;

    @Test
    void enrichedArticleCarriesTheUpstreamTraceUnderTheEnrichmentSpan() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode raw = MessageContract.RAW_ARTICLE.example(id);
        TraceParent upstream = TraceParent.random();

        ConsumerRecord<String, String> enriched;
        try (LogCapture logs = LogCapture.of("news.wire.enrich")) {
            kafka().send("articles.raw", id, raw.toString(), Map.of(TraceParent.HEADER, upstream.header()));
            enriched = kafka().await("articles.enriched", r -> id.equals(r.key()), WITHIN);
            logs.requireArticleLine("Enriched:", id, upstream.traceId());
        }

        TraceParent out = TraceParent.of(enriched);
        assertEquals(upstream.traceId(), out.traceId());
        assertNotEquals(upstream.spanId(), out.spanId(), "the output must name enrich-service's span");
        SpanData process = spans.await(out, WITHIN);
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals("process articles.raw", process.getName());
        assertEquals(upstream.spanId(), process.getParentSpanId());
        assertEquals(StatusCode.UNSET, process.getStatus().getStatusCode());
    }

    @Test
    void deadLetterAndTombstoneCarryTheirTracesToo() {
        String poisonKey = UUID.randomUUID().toString();
        TraceParent poisonTrace = TraceParent.random();
        kafka().send("articles.raw", poisonKey, "{not json", Map.of(TraceParent.HEADER, poisonTrace.header()));
        String withdrawnId = UUID.randomUUID().toString();
        TraceParent killTrace = TraceParent.random();
        kafka().send("articles.raw", withdrawnId, null, Map.of(TraceParent.HEADER, killTrace.header()));

        TraceParent dead = TraceParent.of(kafka().await("articles.dlq", r -> poisonKey.equals(r.key()), WITHIN));
        assertEquals(poisonTrace.traceId(), dead.traceId());
        assertEquals(StatusCode.ERROR, spans.await(dead, WITHIN).getStatus().getStatusCode());

        ConsumerRecord<String, String> tombstone = kafka().await("articles.enriched",
                r -> withdrawnId.equals(r.key()), WITHIN);
        assertNull(tombstone.value());
        TraceParent passedOn = TraceParent.of(tombstone);
        assertEquals(killTrace.traceId(), passedOn.traceId());
        assertEquals(killTrace.spanId(), spans.await(passedOn, WITHIN).getParentSpanId());
    }

    private KafkaTestClient kafka() {
        return new KafkaTestClient(bootstrapServers);
    }
}
