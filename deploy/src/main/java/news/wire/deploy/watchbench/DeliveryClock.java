package news.wire.deploy.watchbench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import news.wire.deploy.reuters.Latencies;

/**
 * The probes' webhook receiver, on 127.0.0.1 in the benchmark's own process: it takes every call at once (204) and
 * times each match's first arrival from the POST of its article to ingest. Repeats of a matchId are counted, not timed.
 */
final class DeliveryClock implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    /** Article id to System.nanoTime() just before its POST was sent. */
    private final Map<String, Long> posted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> arrived = new ConcurrentHashMap<>();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private volatile Latencies latencies = new Latencies();

    DeliveryClock() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/hooks/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    String url(String probe) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + probe;
    }

    /** The article was POSTed at this System.nanoTime(). */
    void posted(String articleId, long nanos) {
        posted.put(articleId, nanos);
    }

    /** Starts a new phase's figures (arrivals of earlier matches still count as arrived, not again as new). */
    void newPhase() {
        latencies = new Latencies();
    }

    /** POST-to-webhook latencies of the matches that arrived since {@link #newPhase()}. */
    Latencies latencies() {
        return latencies;
    }

    long repeats() {
        return repeats.get();
    }

    private void receive(HttpExchange call) throws IOException {
        long now = System.nanoTime();
        try (call; InputStream in = call.getRequestBody()) {
            JsonNode match = json.readTree(in.readAllBytes());
            call.sendResponseHeaders(204, -1);
            String matchId = match.path("matchId").asText();
            if (arrived.putIfAbsent(matchId, Boolean.TRUE) != null) {
                repeats.incrementAndGet();
                return;
            }
            Long sent = posted.get(match.path("articleId").asText());
            if (sent == null) {
                unknown.incrementAndGet();
            } else {
                latencies.add(now - sent);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
