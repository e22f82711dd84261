package news.wire.query.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for ingest-service's {@code /q/metrics} in query-service's tests, so the dashboard reads a second
 * service over HTTP as it does in the stack: articles accepted at a steady {@value #ACCEPTED_PER_SECOND} a second
 * since start, a small outbox backlog, and lines a reader must step over. enrich-service's address is a port
 * nobody listens on, so the page must show that stage as unreachable.
 */
public class IngestMetricsStandIn implements QuarkusTestResourceLifecycleManager {

    static final int ACCEPTED_PER_SECOND = 4;
    static final int OUTBOX_BACKLOG = 3;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        long started = System.nanoTime();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/q/metrics", exchange -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            String text = "# HELP ingest_articles_total Articles taken in by ingest-service, by what became of them\n"
                    + "# TYPE ingest_articles_total counter\n"
                    + "ingest_articles_total{format=\"application/json\",outcome=\"created\",source=\"Stand-in \\\"Wire\\\"\"} "
                    + Math.floor(seconds * ACCEPTED_PER_SECOND) + "\n"
                    + "ingest_articles_total{format=\"application/json\",outcome=\"duplicate\",source=\"Stand-in\"} 1.0\n"
                    + "# TYPE ingest_outbox_backlog gauge\n"
                    + "ingest_outbox_backlog " + OUTBOX_BACKLOG + ".0\n"
                    + "ingest_outbox_oldest_seconds 0.0\n"
                    + "jvm_info{runtime=\"OpenJDK\",vendor=\"Debian\",version=\"17\"} 1\n"
                    + "# EOF\n";
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "query.dashboard.ingest-metrics", "http://127.0.0.1:" + server.getAddress().getPort() + "/q/metrics",
                "query.dashboard.enrich-metrics", "http://127.0.0.1:" + closedPort() + "/q/metrics");
    }

    /** A port that was free a moment ago and is closed again: connections to it are refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
