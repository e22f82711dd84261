package news.wire.deploy.reuters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Posts articles to ingest-service, one per request or as an NDJSON batch, and reads its answers. */
public final class IngestClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SINGLE_TIMEOUT = Duration.ofSeconds(30);
    // A batch is stored article by article before ingest answers, so it may take a while on a loaded stack.
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI single;
    private final URI batch;

    public IngestClient(URI ingest, ObjectMapper json) {
        // HTTP/1.1: with HTTP/2 the JDK client would try an h2c upgrade on every new connection to a plain-http server.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
        this.json = json;
        this.single = URI.create(ingest + "/v1/articles");
        this.batch = URI.create(ingest + "/v1/articles:batch");
    }

    /** Posts one article; 2xx and 4xx are answers, anything else a failure. */
    public IngestAnswer post(ArticleSubmission article) throws IngestFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(single)
                .timeout(SINGLE_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBytes(article)))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new IngestAnswer(status, readTree(response.body()).path("id").asText(null), null);
        }
        if (status >= 400 && status < 500) {
            return new IngestAnswer(status, null, compact(response.body()));
        }
        throw new IngestFailure("HTTP " + status + " from " + single + ": " + abbreviate(response.body()));
    }

    /**
     * Posts the articles as one NDJSON batch, streamed line by line as the request body is sent, and returns ingest's
     * answer lines in order. Fewer answers than articles means ingest stopped part-way; the caller counts the rest.
     */
    List<IngestAnswer> postBatch(List<ArticleSubmission> articles) throws IngestFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(batch)
                .timeout(BATCH_TIMEOUT)
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(() -> ndjsonLines(articles)))
                .build();
        HttpResponse<Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                throw new IngestFailure("HTTP " + response.statusCode() + " from " + batch + ": "
                        + abbreviate(lines.collect(Collectors.joining(" "))));
            }
            List<IngestAnswer> answers = new ArrayList<>(articles.size());
            for (Iterator<String> answer = lines.iterator(); answer.hasNext();) {
                String line = answer.next();
                if (!line.isBlank()) {
                    answers.add(lineAnswer(line));
                }
            }
            return answers;
        } catch (UncheckedIOException e) {
            // The answer body is read lazily: a connection lost while reading it surfaces here.
            throw new IngestFailure("answer from " + batch + " cut off: " + e.getCause().getMessage(), false, e);
        }
    }

    private Iterator<byte[]> ndjsonLines(List<ArticleSubmission> articles) {
        Iterator<ArticleSubmission> next = articles.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next.hasNext();
            }

            @Override
            public byte[] next() {
                byte[] article = jsonBytes(next.next());
                byte[] line = Arrays.copyOf(article, article.length + 1);
                line[article.length] = '\n';
                return line;
            }
        };
    }

    private IngestAnswer lineAnswer(String line) throws IngestFailure {
        JsonNode answer = readTree(line);
        if (!answer.path("status").isInt()) {
            throw new IngestFailure("answer line without a status from " + batch + ": " + abbreviate(line));
        }
        JsonNode problem = answer.get("problem");
        return new IngestAnswer(answer.get("status").asInt(), answer.path("id").asText(null),
                problem == null ? null : problem.toString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IngestFailure, InterruptedException {
        try {
            return http.send(request, body);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IngestFailure("ingest not reachable at " + request.uri() + ": " + describe(e), true, e);
        } catch (IOException e) {
            throw new IngestFailure(request.uri() + ": " + describe(e), false, e);
        }
    }

    private byte[] jsonBytes(ArticleSubmission article) {
        try {
            return json.writeValueAsBytes(article);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readTree(String text) throws IngestFailure {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IngestFailure("unreadable answer from ingest: " + abbreviate(text), false, e);
        }
    }

    /** A 4xx body on one line: compact JSON when it is JSON, else the text itself. */
    private String compact(String body) {
        try {
            return json.readTree(body).toString();
        } catch (JsonProcessingException e) {
            return abbreviate(body);
        }
    }

    // The JDK client often throws a bare ConnectException whose cause says what happened ("Connection refused").
    private static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return e.getClass().getSimpleName() + " (" + cause.getMessage() + ")";
            }
        }
        return e.getClass().getSimpleName();
    }

    static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
