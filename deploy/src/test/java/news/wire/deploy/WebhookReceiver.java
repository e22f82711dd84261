package news.wire.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A newsroom's webhook receiver on 127.0.0.1, as a drill needs one: it checks each call's signature (HMAC-SHA256 of
 * timestamp, a dot and the body, keyed with the watch's secret) and its age, refuses a bad one with 401, and counts
 * every call it accepted by matchId, so a drill can tell matches lost from matches delivered twice. It can hold its
 * answers back, so that deliveries are in flight and pile up behind it.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Older signed timestamps are refused as replays, as the receiver in query-service's README does. */
    private static final long MOST_SECONDS_OLD = 300;
    /** Longest a call is held back; query-service gives up after 10 s. */
    private static final Duration HOLD = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile String secret = "";
    private volatile CountDownLatch answering = new CountDownLatch(0);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** A receiver listening on a free port of 127.0.0.1. */
    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/hooks/wire", receiver::receive);
        server.setExecutor(receiver.threads);
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/wire";
    }

    /** The watch's secret, shown once in the answer that made its webhook. */
    void trust(String watchSecret) {
        this.secret = watchSecret;
    }

    /**
     * From now on calls are counted on arrival but answered only at {@link #answerAll()}, or after HOLD at most
     * (longer than the sender waits, so it may give up and call again).
     */
    void holdAnswers() {
        answering = new CountDownLatch(1);
    }

    /** Answers the calls held and every call from now on at once. */
    void answerAll() {
        answering.countDown();
    }

    private void receive(HttpExchange call) throws IOException {
        inFlight.incrementAndGet();
        try (call) {
            byte[] body;
            try (InputStream in = call.getRequestBody()) {
                body = in.readAllBytes();
            }
            String matchId = signedMatchId(call, body);
            if (matchId == null) {
                refused.incrementAndGet();
                call.sendResponseHeaders(401, -1);
                return;
            }
            // Counted before answering: a call the sender dies waiting on has still arrived, and its repeat is a
            // duplicate the receiver must drop.
            arrivals.computeIfAbsent(matchId, id -> new AtomicInteger()).incrementAndGet();
            answering.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
            call.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException senderGone) {
            // Killed while waiting for the answer: what matters is that the call arrived.
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The call's matchId when its signature is the watch's, its timestamp recent and its headers agree with the body. */
    private String signedMatchId(HttpExchange call, byte[] body) {
        String timestamp = call.getRequestHeaders().getFirst("X-Wire-Timestamp");
        String signature = call.getRequestHeaders().getFirst("X-Wire-Signature");
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")
                || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > MOST_SECONDS_OLD) {
            return null;
        }
        String expected = "v1=" + HexFormat.of().formatHex(hmac(secret, timestamp + "." + new String(body,
                StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        try {
            String matchId = JSON.readTree(body).path("matchId").asText(null);
            return matchId != null && matchId.equals(call.getRequestHeaders().getFirst("X-Wire-Match-Id"))
                    ? matchId : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static byte[] hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The matchIds received so far, each once. */
    Set<String> matchIds() {
        return Set.copyOf(arrivals.keySet());
    }

    /** Calls accepted beyond the first for their matchId. */
    int duplicates() {
        return arrivals.values().stream().mapToInt(n -> n.get() - 1).sum();
    }

    /** Calls refused for a bad or missing signature, an old timestamp, or headers that disagree with the body. */
    int refused() {
        return refused.get();
    }

    /** Calls received and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
