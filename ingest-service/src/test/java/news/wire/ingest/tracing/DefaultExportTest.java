package news.wire.ingest.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.wire.testkit.SpanRecorder;
import news.wire.testkit.TraceParent;

/**
 * With the shipped configuration spans are made but never sent anywhere: no connection to an OTLP collector's
 * default address (127.0.0.1:4317), where Quarkus would otherwise send them, and where it would log a warning
 * on every failed export.
 */
@QuarkusTest
class DefaultExportTest {

    @Inject
    SpanRecorder spans;

    @Test
    void spansAreMadeButNothingConnectsToTheDefaultCollectorAddress() throws Exception {
        ServerSocket collector;
        try {
            collector = new ServerSocket(4317, 50, InetAddress.getByName("127.0.0.1"));
        } catch (BindException e) {
            Assumptions.abort("127.0.0.1:4317 is in use here, so export attempts cannot be watched for");
            return;
        }
        AtomicInteger connections = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (true) {
                try (Socket socket = collector.accept()) {
                    connections.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        }, "collector-watch");
        watcher.start();
        try {
            TraceParent caller = TraceParent.random();
            given().header(TraceParent.HEADER, caller.header()).contentType(ContentType.JSON)
                    .body(Map.of("headline", "Night buses cut " + UUID.randomUUID(),
                            "body", "Three routes lose their late services from January.",
                            "source", "Estuary Gazette", "publishedAt", "2026-11-20T07:30:00Z"))
                    .post("/v1/articles").then().statusCode(202);
            // The request and the relay's send both end spans of the caller's trace...
            await().atMost(Duration.ofSeconds(20)).until(() -> spans.ofTrace(caller.traceId()).size() >= 2);
            // ...and an exporter, if there were one, would have tried to send them many times over by now: the
            // batch processor's delay is 100 ms in tests.
            Thread.sleep(1_500);
            assertEquals(0, connections.get(), "something connected to the default OTLP address");
        } finally {
            collector.close();
            watcher.join(5_000);
        }
        assertFalse(watcher.isAlive());
    }
}
