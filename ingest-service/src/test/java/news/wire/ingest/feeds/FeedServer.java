package news.wire.ingest.feeds;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A feed publisher on a loopback address for tests: serves documents and redirects by path, honours ETags, and
 * records every request.
 */
final class FeedServer implements AutoCloseable {

    /** A request as the server saw it; host is its Host header. */
    record Request(String path, String host, String ifNoneMatch, String ifModifiedSince, int answeredWith) {
    }

    private record Route(int status, String contentType, byte[] body, String etag, String lastModified,
                         String location, boolean chunked) {
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FeedServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::answer);
        server.start();
    }

    /** On a free port. */
    static FeedServer start() throws IOException {
        return start(0);
    }

    /** On a given port, e.g. to come back where a stopped server was. */
    static FeedServer start(int port) throws IOException {
        return start("127.0.0.1", port);
    }

    /** On another loopback address (127.0.0.2, say), which the test profile does not admit by address. */
    static FeedServer start(String loopbackAddress, int port) throws IOException {
        return new FeedServer(HttpServer.create(new InetSocketAddress(loopbackAddress, port), 0));
    }

    /** Serves a document with validators; a request carrying the ETag gets a 304. */
    void serve(String path, String contentType, String body, String etag, String lastModified) {
        routes.put(path, new Route(200, contentType, body.getBytes(StandardCharsets.UTF_8), etag, lastModified, null,
                false));
    }

    void serve(String path, String contentType, String body) {
        serve(path, contentType, body, null, null);
    }

    void fail(String path, int status) {
        routes.put(path, new Route(status, "text/plain", "Something broke at the publisher".getBytes(StandardCharsets.UTF_8),
                null, null, null, false));
    }

    /** Answers with a redirect to the location, taken verbatim (absolute or relative). */
    void redirect(String path, int status, String location) {
        routes.put(path, new Route(status, "text/plain", "Moved".getBytes(StandardCharsets.UTF_8), null, null, location,
                false));
    }

    /** Serves a document without a Content-Length, in chunks, so only its arriving bytes tell its size. */
    void serveChunked(String path, String contentType, byte[] body) {
        routes.put(path, new Route(200, contentType, body, null, null, null, true));
    }

    /** Serves a document that declares its length, as most servers do. */
    void serve(String path, String contentType, byte[] body) {
        routes.put(path, new Route(200, contentType, body, null, null, null, false));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            Route route = routes.get(path);
            // Every answer closes its connection: a stopped server must look refused, not like a stale pooled socket.
            exchange.getResponseHeaders().set("Connection", "close");
            int status;
            if (route == null) {
                status = 404;
                exchange.sendResponseHeaders(status, -1);
            } else if (route.etag() != null && route.etag().equals(ifNoneMatch)) {
                status = 304;
                exchange.getResponseHeaders().set("ETag", route.etag());
                exchange.sendResponseHeaders(status, -1);
            } else {
                status = route.status();
                exchange.getResponseHeaders().set("Content-Type", route.contentType());
                if (route.etag() != null) {
                    exchange.getResponseHeaders().set("ETag", route.etag());
                }
                if (route.lastModified() != null) {
                    exchange.getResponseHeaders().set("Last-Modified", route.lastModified());
                }
                if (route.location() != null) {
                    exchange.getResponseHeaders().set("Location", route.location());
                }
                exchange.sendResponseHeaders(status, route.chunked() ? 0 : route.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(route.body());
                }
            }
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Host"), ifNoneMatch,
                    exchange.getRequestHeaders().getFirst("If-Modified-Since"), status));
        }
    }
}
