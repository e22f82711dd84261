package news.wire.deploy.reuters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs the importer on the hand-written sample against a stand-in for ingest-service (the JDK's HTTP server on a
 * free loopback port, inside the test JVM) that answers per the ingest contract.
 */
class ReutersImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer ingest;

    record Request(String path, String contentType, String transferEncoding, String body) {
    }

    @AfterEach
    void stopIngest() {
        if (ingest != null) {
            ingest.stop(0);
        }
    }

    @Test
    void postsNdjsonBatchesAndCountsEachAnswerLine() throws Exception {
        // NEWID 1 is new, 4 a duplicate, 6 rejected (the sample's three usable stories).
        startIngest(200, "application/x-ndjson", body -> {
            StringBuilder answers = new StringBuilder();
            int line = 0;
            for (String article : body.split("\n")) {
                String id = read(article).get("sourceItemId").asText();
                line++;
                answers.append(switch (id) {
                    case "reuters21578:4" -> "{\"line\":" + line + ",\"status\":200,\"id\":\"a-4\"}";
                    case "reuters21578:6" -> "{\"line\":" + line + ",\"status\":400,\"problem\":{\"type\":\"urn:problem:invalid\","
                            + "\"title\":\"Invalid article\",\"status\":400}}";
                    default -> "{\"line\":" + line + ",\"status\":202,\"id\":\"a-" + id.substring(id.indexOf(':') + 1) + "\"}";
                }).append('\n');
            }
            return answers.toString();
        });

        int exit = importer("--batch", "2", "--concurrency", "1");

        assertEquals(ReutersImport.OK, exit, output());
        assertEquals(2, requests.size());
        for (Request request : requests) {
            assertEquals("/v1/articles:batch", request.path());
            assertEquals("application/x-ndjson", request.contentType());
            // Streamed, not assembled first: the body goes out chunked, with no Content-Length.
            assertEquals("chunked", request.transferEncoding());
        }
        assertEquals(2, requests.get(0).body().split("\n").length);
        assertTrue(requests.get(0).body().endsWith("\n"), "every NDJSON line ends in a newline");
        assertLine("stories read", "3 (corpus: 6 seen, 3 kept, 3 skipped (no body 2, no title 1))");
        assertLine("posted", "3");
        assertLine("accepted (202)", "1");
        assertLine("duplicates (200)", "1");
        assertLine("rejected (4xx)", "1");
        assertTrue(output().contains("reuters21578:6 400 {\"type\":\"urn:problem:invalid\""), output());
        assertLine("failed", "0 articles in 0 failed requests");
        assertTrue(output().contains("over 2 batches of up to 2"), output());
    }

    @Test
    void postsOneArticlePerRequestInTheSimpleJsonForm() throws Exception {
        startIngest(202, "application/json", body -> "{\"id\":\"a-1\"}");

        int exit = importer("--single", "--limit", "2");

        assertEquals(ReutersImport.OK, exit, output());
        assertEquals(2, requests.size());
        Request first = requests.stream().filter(request -> request.body().contains("reuters21578:1")).findFirst().orElseThrow();
        assertEquals("/v1/articles", first.path());
        assertEquals("application/json", first.contentType());
        JsonNode article = read(first.body());
        assertEquals("DELMONT GRAIN <DGC> SEES FIRMER WHEAT EXPORTS", article.get("headline").asText());
        assertTrue(article.get("body").asText().startsWith("The Delmont Grain Co <DGC> said wheat exports"));
        assertEquals("Reuters", article.get("source").asText());
        assertEquals("1987-03-02T09:14:07.310Z", article.get("publishedAt").asText());
        assertEquals("en", article.get("language").asText());
        assertEquals("reuters21578:1", article.get("sourceItemId").asText());
        assertEquals(6, article.size());
        assertLine("accepted (202)", "2");
        assertTrue(output().contains("over 2 requests"), output());
    }

    @Test
    void keepsToTheRateAskedFor() throws Exception {
        startIngest(202, "application/json", body -> "{\"id\":\"a\"}");

        long start = System.nanoTime();
        int exit = importer("--rate", "10", "--concurrency", "3");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(ReutersImport.OK, exit, output());
        assertEquals(3, requests.size());
        // Three starts at 10 per second: the last is due 200 ms after the first, however many workers there are.
        assertTrue(millis >= 200, "took " + millis + " ms");
    }

    @Test
    void serverErrorsFailTheRun() throws Exception {
        startIngest(503, "application/problem+json", body -> "{\"title\":\"Service Unavailable\",\"status\":503}");

        int exit = importer("--batch", "2");

        assertEquals(ReutersImport.FAILED, exit, output());
        assertLine("failed", "3 articles in 2 failed requests");
        assertTrue(output().contains("HTTP 503 from "), output());
    }

    @Test
    void aShortAnswerFailsTheRun() throws Exception {
        startIngest(200, "application/x-ndjson", body -> "{\"line\":1,\"status\":202,\"id\":\"a\"}\n");

        int exit = importer("--batch", "3");

        assertEquals(ReutersImport.FAILED, exit, output());
        assertLine("accepted (202)", "1");
        assertLine("failed", "2 articles in 1 failed requests");
    }

    @Test
    void stopsWhenIngestIsNotThere() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int exit = ReutersImport.run(print(out), print(err), "--corpus", ReutersCorpusTest.sample().toString(),
                "--ingest", "http://127.0.0.1:" + port, "--single", "--concurrency", "1");

        assertEquals(ReutersImport.FAILED, exit, output());
        assertTrue(output().contains("stopped early: ingest not reachable at http://127.0.0.1:" + port), output());
        assertLine("posted", "1");
    }

    @Test
    void saysSoInOneLineWhenTheCorpusIsAbsent(@TempDir java.nio.file.Path empty) throws Exception {
        int exit = ReutersImport.run(print(out), print(err), "--corpus", empty.resolve("reuters21578").toString());

        assertEquals(ReutersImport.NO_CORPUS, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("import-reuters: no Reuters-21578 corpus"), message);
    }

    @Test
    void refusesABadCommandLine() throws Exception {
        assertEquals(ReutersImport.USAGE, ReutersImport.run(print(out), print(err), "--batch", "none"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("import-reuters: --batch needs a whole number"));
    }

    private int importer(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--corpus", ReutersCorpusTest.sample().toString(),
                "--ingest", "http://127.0.0.1:" + ingest.getAddress().getPort() + "/"));
        args.addAll(List.of(options));
        return ReutersImport.run(print(out), print(err), args.toArray(String[]::new));
    }

    private void startIngest(int status, String contentType, Function<String, String> answer) throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/v1/", exchange -> answer(exchange, status, contentType, answer));
        ingest.start();
    }

    private void answer(HttpExchange exchange, int status, String contentType, Function<String, String> answer)
            throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Transfer-Encoding"), body));
        byte[] reply = answer.apply(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private void assertLine(String label, String value) {
        String line = String.format("%-18s %s", label, value);
        assertTrue(output().lines().anyMatch(line::equals), "no line '" + line + "' in:\n" + output());
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
