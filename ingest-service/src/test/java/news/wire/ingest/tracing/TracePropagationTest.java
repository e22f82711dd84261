package news.wire.ingest.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.wire.ingest.formats.WireItem;
import news.wire.ingest.intake.IntakeService;
import news.wire.ingest.outbox.OutboxMessage;
import news.wire.testkit.KafkaTestClient;
import news.wire.testkit.LogCapture;
import news.wire.testkit.SpanRecorder;
import news.wire.testkit.TraceParent;

/**
 * The trace of a submission reaches articles.raw: the caller's trace id is in the published record's headers
 * (stored with the outbox row, so it survives the wait for the relay), and the intake log line names both the
 * article and the trace.
 */
@QuarkusTest
class TracePropagationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SpanRecorder spans;

    @Inject
    IntakeService intake;

    @Test
    void postedArticleIsPublishedInTheCallersTraceUnderASpanOfItsOwn() {
        TraceParent caller = TraceParent.random();
        String id;
        try (LogCapture logs = LogCapture.of("news.wire.ingest")) {
            id = given().header(TraceParent.HEADER, caller.header()).header("tracestate", "desk=7f3a")
                    .contentType(ContentType.JSON).body(article("Tide gauges fail along the estuary"))
                    .post("/v1/articles")
                    .then().statusCode(202).extract().path("id");
            logs.requireArticleLine("Accepted: CREATED", id, caller.traceId());
        }

        ConsumerRecord<String, String> record = kafka().await("articles.raw", r -> id.equals(r.key()), WITHIN);
        TraceParent published = TraceParent.of(record);
        assertEquals(caller.traceId(), published.traceId());
        assertNotEquals(caller.spanId(), published.spanId(), "the record must name a span of ours, not the caller's");
        assertEquals("desk=7f3a", header(record, "tracestate"));

        // caller -> the request's server span -> the send span the record names
        SpanData send = spans.await(published, WITHIN);
        assertEquals(SpanKind.PRODUCER, send.getKind());
        assertEquals("send articles.raw", send.getName());
        SpanData server = spans.await(caller.traceId(), send.getParentSpanId(), WITHIN);
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(caller.spanId(), server.getParentSpanId());
    }

    @Test
    void withdrawalTombstoneIsPublishedInTheTraceOfTheDelete() {
        String id = given().contentType(ContentType.JSON).body(article("Lock gates jammed at Hollin Weir"))
                .post("/v1/articles").then().statusCode(202).extract().path("id");
        TraceParent caller = TraceParent.random();
        given().header(TraceParent.HEADER, caller.header()).delete("/v1/articles/" + id).then().statusCode(202);

        ConsumerRecord<String, String> tombstone = kafka().await("articles.raw",
                r -> id.equals(r.key()) && r.value() == null, WITHIN);
        assertEquals(caller.traceId(), TraceParent.of(tombstone).traceId());
    }

    @Test
    void rowWrittenOutsideAnySpanIsPublishedInATraceOfItsOwn() {
        // As rows written before V5: intake called with no span current leaves the row without a trace context.
        UUID id = intake.accept(new WireItem(null, null, "Estuary Gazette", "Dredger runs aground " + UUID.randomUUID(),
                "The dredger was refloated on the evening tide.", "en", Instant.parse("2026-11-20T08:00:00Z"), null,
                null, List.of(), List.of(), List.of(), List.of(), WireItem.PubStatus.USABLE, null)).article().id;
        assertNull(QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.<OutboxMessage>find("articleId", id).firstResult().traceparent));

        ConsumerRecord<String, String> record = kafka().await("articles.raw",
                r -> id.toString().equals(r.key()), WITHIN);
        TraceParent published = TraceParent.of(record);
        SpanData send = spans.await(published, WITHIN);
        assertEquals(SpanKind.PRODUCER, send.getKind());
        assertFalse(send.getParentSpanContext().isValid(), "the send span starts the trace");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaTestClient kafka() {
        return new KafkaTestClient(bootstrapServers);
    }

    private static Map<String, Object> article(String headline) {
        return Map.of("headline", headline + " " + UUID.randomUUID(),
                "body", "Readings stopped at dawn and engineers were sent out by boat.",
                "source", "Estuary Gazette",
                "publishedAt", "2026-11-20T07:30:00Z");
    }
}
