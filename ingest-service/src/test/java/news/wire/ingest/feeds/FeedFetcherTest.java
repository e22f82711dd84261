package news.wire.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/**
 * The fetcher on its own, against a feed server on 127.0.0.1 (the one address allowed here): every other address a
 * test names comes from the map below, and is refused before anything connects to it.
 */
class FeedFetcherTest {

    private static final long LIMIT = 64 * 1024;

    private static Vertx vertx;

    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    private FeedServer server;
    private FeedAddresses addresses;
    private FeedFetcher fetcher;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        HostResolver resolver = host -> {
            List<InetAddress> answer = dns.get(host);
            if (answer != null) {
                return answer;
            }
            try {
                // An IP literal stands for itself; any other name is unknown here, never asked of real DNS.
                return List.of(ScriptedHostResolver.literal(host.replace("[", "").replace("]", "")));
            } catch (IllegalArgumentException e) {
                throw new UnknownHostException(host);
            }
        };
        addresses = new FeedAddresses(resolver, InternalHostAllowlist.of(List.of("127.0.0.1")));
        fetcher = new FeedFetcher(vertx, addresses, Duration.ofSeconds(2), Duration.ofSeconds(5), LIMIT, "test", null);
    }

    @AfterEach
    void stop() {
        server.close();
        fetcher.close();
    }

    private FeedResponse fetch(String url) throws InterruptedException {
        return fetcher.fetch(URI.create(url), null, null);
    }

    private String failure(String url) {
        return assertThrows(FeedFetchException.class, () -> fetch(url)).getMessage();
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "\"" + actual + "\" does not say \"" + expected + "\"");
    }

    private void answer(String host, String... addresses) {
        dns.put(host, Arrays.stream(addresses).map(ScriptedHostResolver::literal).toList());
    }

    @Test
    void fetchesAFeedWithinTheLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] body = "<rss/>".repeat(10_000).getBytes();
        server.serve("/declared", "application/rss+xml", body);
        server.serveChunked("/chunked", "application/rss+xml", body);
        assertArrayEquals(body, fetch(server.url("/declared")).body());
        assertArrayEquals(body, fetch(server.url("/chunked")).body());
        assertEquals("application/rss+xml", fetch(server.url("/chunked")).contentType());
    }

    @Test
    void aFeedOverTheLimitFailsTheFetchWhetherItsLengthIsDeclaredOrNot() {
        byte[] body = new byte[(int) LIMIT + 1];
        server.serve("/declared", "application/rss+xml", body);
        server.serveChunked("/chunked", "application/rss+xml", body);
        assertTrue(failure(server.url("/declared")).contains("larger than the limit of 65536 bytes"));
        assertTrue(failure(server.url("/chunked")).contains("larger than the limit of 65536 bytes"));
    }

    @Test
    void aHostThatResolvesInwardIsNotFetched() {
        answer("desk.newsroom.test", "10.0.0.1");
        answer("ula.newsroom.test", "fd00::1");
        assertEquals("Not fetched: feed address 10.0.0.1 (of desk.newsroom.test) is private; allowed: public "
                + "addresses or hosts in ingest.feeds.allowed-internal-hosts", failure("http://desk.newsroom.test/rss"));
        assertTrue(failure("https://ula.newsroom.test/rss").contains("feed address fd00:0:0:0:0:0:0:1 (of "
                + "ula.newsroom.test) is private"));
        assertEquals("Not fetched: host nowhere.newsroom.test has no address", failure("http://nowhere.newsroom.test/"));
    }

    @Test
    void everyRedirectIsCheckedBeforeItIsFollowed() throws Exception {
        answer("metadata.newsroom.test", "169.254.169.254");
        server.redirect("/to-metadata", 302, "http://metadata.newsroom.test/latest/meta-data/");
        server.redirect("/to-mapped", 307, "http://[::ffff:10.0.0.1]/feed");
        server.redirect("/to-cgnat", 301, "http://100.64.0.1/feed");
        server.redirect("/hop", 301, "/target");
        server.serve("/target", "application/rss+xml", "<rss/>");

        assertEquals("Redirect to http://metadata.newsroom.test/latest/meta-data/ not followed: feed address "
                + "169.254.169.254 (of metadata.newsroom.test) is link-local; allowed: public addresses or hosts in "
                + "ingest.feeds.allowed-internal-hosts", failure(server.url("/to-metadata")));
        assertContains("feed address 10.0.0.1 (of [::ffff:10.0.0.1]) is private", failure(server.url("/to-mapped")));
        assertContains("feed address 100.64.0.1 is carrier-grade NAT", failure(server.url("/to-cgnat")));
        assertEquals("<rss/>", new String(fetch(server.url("/hop")).body()));
        assertEquals(1, server.requests("/target").size());
    }

    @Test
    void httpsIsVerifiedAgainstTheFeedsNameWhileTheConnectionGoesToTheCheckedAddress(@TempDir Path dir) throws Exception {
        // Made by the JDK's keytool: Netty's own self-signed certificates need Bouncy Castle or JDK internals.
        Path keyStore = dir.resolve("wires.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "wires", "-dname", "CN=wires.newsroom.test", "-ext", "san=dns:wires.newsroom.test",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        PfxOptions certificate = new PfxOptions().setPath(keyStore.toString()).setPassword("changeit");
        List<String> serverNames = new CopyOnWriteArrayList<>();
        HttpServer tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(certificate).setHost("127.0.0.1").setPort(0));
        tls.requestHandler(request -> {
            serverNames.add(request.connection().indicatedServerName());
            request.response().putHeader("Content-Type", "application/rss+xml").end("<rss/>");
        });
        tls.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        FeedFetcher trusting = new FeedFetcher(vertx, addresses, Duration.ofSeconds(2), Duration.ofSeconds(5), LIMIT,
                "test", certificate);
        try {
            answer("wires.newsroom.test", "127.0.0.1");
            answer("other.newsroom.test", "127.0.0.1");
            String rest = ":" + tls.actualPort() + "/rss";
            assertEquals(200, trusting.fetch(URI.create("https://wires.newsroom.test" + rest), null, null).status());
            assertEquals(List.of("wires.newsroom.test"), serverNames, "SNI names the feed's host");
            // The same server under another name, and a certificate no authority of the JVM's signed: refused.
            assertThrows(FeedFetchException.class,
                    () -> trusting.fetch(URI.create("https://other.newsroom.test" + rest), null, null));
            assertThrows(FeedFetchException.class, () -> fetch("https://wires.newsroom.test" + rest));
            assertEquals(1, serverNames.size(), "no request sent over an unverified connection");
        } finally {
            trusting.close();
            tls.close();
        }
    }

    @Test
    void theHostHeaderNamesTheFeedsHostWhileTheConnectionGoesToTheCheckedAddress() throws Exception {
        // Not in real DNS (.test): only the address checked can have been connected to.
        answer("wires.newsroom.test", "127.0.0.1");
        server.serve("/rss", "application/rss+xml", "<rss/>");
        assertEquals(200, fetch("http://wires.newsroom.test:" + server.port() + "/rss?edition=uk").status());
        assertEquals("wires.newsroom.test:" + server.port(), server.requests("/rss").get(0).host());
    }
}
