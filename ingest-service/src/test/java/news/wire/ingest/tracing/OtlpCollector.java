package news.wire.ingest.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OTLP/HTTP collector on 127.0.0.1 for tests: keeps every export request's body and answers 200. The service
 * under test is pointed at it with the two properties an operator would set.
 */
public class OtlpCollector implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's field that receives the running collector. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    /** One export request as received. */
    public record Export(String path, byte[] body) {

        /** Whether this export carries a span of the trace (ids are raw bytes in the protobuf). */
        public boolean hasTrace(String traceId) {
            byte[] id = HexFormat.of().parseHex(traceId);
            outer:
            for (int i = 0; i + id.length <= body.length; i++) {
                for (int j = 0; j < id.length; j++) {
                    if (body[i + j] != id[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    private final List<Export> exports = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test collector", e);
        }
        server.createContext("/", this::receive);
        server.start();
        return Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, OtlpCollector.class));
    }

    public List<Export> exports() {
        return List.copyOf(exports);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            exports.add(new Export(exchange.getRequestURI().getPath(), in.readAllBytes()));
            // An empty ExportTraceServiceResponse: no partial success to report.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }
}
