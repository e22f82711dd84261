package news.wire.ingest.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.wire.testkit.KafkaTestResource;
import news.wire.testkit.PostgresTestResource;
import news.wire.testkit.TraceParent;

/** An operator who names a collector (deploy/README.md: Tracing and logs) gets the spans of a submission there. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OtlpCollector.class, restrictToAnnotatedClass = true)
class ExportSwitchedOnTest {

    @OtlpCollector.Inject
    OtlpCollector collector;

    @Test
    void submissionsSpansReachTheConfiguredCollector() {
        TraceParent caller = TraceParent.random();
        given().header(TraceParent.HEADER, caller.header()).contentType(ContentType.JSON)
                .body(Map.of("headline", "Ferry timetable cut " + UUID.randomUUID(),
                        "body", "Winter sailings drop to two a day.",
                        "source", "Estuary Gazette", "publishedAt", "2026-11-20T07:30:00Z"))
                .post("/v1/articles").then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> collector.exports().stream()
                .anyMatch(export -> export.hasTrace(caller.traceId())));
        assertEquals("/v1/traces", collector.exports().get(0).path());
    }
}
