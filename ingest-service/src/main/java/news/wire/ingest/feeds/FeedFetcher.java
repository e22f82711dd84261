package news.wire.ingest.feeds;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.ingest.config.IngestConfig;

/** Fetches feeds with conditional GETs, bounded in time and in size. */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, application/json;q=0.8, */*;q=0.1";

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxBytes;
    private final String userAgent;

    public FeedFetcher(IngestConfig config) {
        IngestConfig.Feeds feeds = config.feeds();
        this.connectTimeout = feeds.connectTimeout();
        this.requestTimeout = feeds.requestTimeout();
        this.maxBytes = feeds.maxFeedSize().asLongValue();
        this.userAgent = feeds.userAgent();
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // NORMAL never follows https to http, so a redirect cannot silently downgrade a feed.
                .followRedirects(HttpClient.Redirect.NORMAL)
                // HTTP/1.1: on http:// URLs the default would offer an h2c upgrade, which some feed servers mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * GETs a feed, conditionally when validators from an earlier response are known.
     *
     * @throws FeedFetchException when no complete response arrives: refused, timed out, or larger than allowed
     */
    public FeedResponse fetch(URI url, String etag, String lastModified) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request.build(), CappedBody.handler(maxBytes));
        try {
            // The request timeout only covers the wait for headers; this bounds the body too (a slow drip).
            HttpResponse<byte[]> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new FeedResponse(response.statusCode(), response.body(),
                    header(response, "Content-Type"), header(response, "ETag"), header(response, "Last-Modified"));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FeedFetchException("No complete response within " + seconds(requestTimeout), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        }
    }

    private FeedFetchException failure(URI url, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge tooLarge) {
                return new FeedFetchException(tooLarge.getMessage(), cause);
            }
        }
        String where = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        if (cause instanceof HttpConnectTimeoutException) {
            return new FeedFetchException("Could not connect to " + where + " within " + seconds(connectTimeout), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FeedFetchException("No response within " + seconds(requestTimeout), cause);
        }
        if (cause instanceof ConnectException) {
            // The JDK's message here is often empty; what matters is that nothing answered.
            return new FeedFetchException("Could not connect to " + where + " (connection refused or unreachable)",
                    cause);
        }
        return new FeedFetchException("Fetch from " + where + " failed: " + describe(cause), cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
