package news.wire.ingest.feeds;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import io.vertx.core.tracing.TracingPolicy;
import news.wire.ingest.config.IngestConfig;

/**
 * Fetches feeds with conditional GETs, bounded in time and in size, and only from addresses {@link FeedAddresses}
 * admits. Each hop, the first and every redirect, is resolved once, checked, and connected to by that very address
 * (Vert.x's client takes the server address apart from the host named in the request, its TLS name included), so
 * no second DNS answer decides where the request goes.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, application/json;q=0.8, */*;q=0.1";

    private final Vertx vertx;
    private final FeedAddresses addresses;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxBytes;
    private final String userAgent;

    @Inject
    public FeedFetcher(Vertx vertx, FeedAddresses addresses, IngestConfig config) {
        this(vertx, addresses, config.feeds().connectTimeout(), config.feeds().requestTimeout(),
                config.feeds().maxFeedSize().asLongValue(), config.feeds().userAgent(), null);
    }

    /** TRUST: the certificate authorities HTTPS feeds must be signed by; null for the JVM's own. */
    FeedFetcher(Vertx vertx, FeedAddresses addresses, Duration connectTimeout, Duration requestTimeout, long maxBytes,
                String userAgent, TrustOptions trust) {
        this.vertx = vertx;
        this.addresses = addresses;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                // HTTP/1.1 without an h2c upgrade offer, which some feed servers mishandle.
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                // A connection per fetch: polls are seconds to hours apart, and a pooled connection the publisher has
                // meanwhile closed would fail the poll.
                .setKeepAlive(false)
                // A publisher has no business seeing our trace ids; the poll's own span covers the fetch.
                .setTracingPolicy(TracingPolicy.IGNORE)
                // Checked against the feed's host name, not the address connected to (the default, said aloud).
                .setVerifyHost(true)
                .setTrustOptions(trust));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * GETs a feed, conditionally when validators from an earlier response are known, following up to
     * {@value FeedRedirect#MAX_REDIRECTS} redirects, each checked like the feed's own URL.
     *
     * @throws FeedFetchException when no complete response arrives: an address refused, a redirect not followed,
     *         refused or timed out, or larger than allowed
     */
    public FeedResponse fetch(URI url, String etag, String lastModified) throws InterruptedException {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            Hop hop = fetchOnce(current, redirects > 0, etag, lastModified, deadline);
            URI next = FeedRedirect.target(current, hop.response().status(), hop.location());
            if (next == null) {
                return hop.response();
            }
            if (redirects == FeedRedirect.MAX_REDIRECTS) {
                throw new FeedFetchException("More than " + FeedRedirect.MAX_REDIRECTS + " redirects; the last to "
                        + FeedRedirect.printable(next.toString()), null);
            }
            current = next;
        }
    }

    /** One response and where it redirects to, if anywhere. */
    private record Hop(FeedResponse response, String location) {
    }

    private Hop fetchOnce(URI url, boolean redirected, String etag, String lastModified, long deadline)
            throws InterruptedException {
        InetAddress address = admitted(url, redirected);
        boolean https = "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(bare(url.getHost()))
                .setPort(port)
                .setSsl(https)
                .setURI(target(url))
                .putHeader("Host", url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : ""))
                .putHeader("User-Agent", userAgent)
                .putHeader("Accept", ACCEPT);
        if (etag != null) {
            options.putHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            options.putHeader("If-Modified-Since", lastModified);
        }
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<Hop> exchange = new CompletableFuture<>();
        // The whole exchange on one event-loop context: begun from a poll thread, Vert.x hands the response to the
        // next step as a separate task, by which time a short body can have ended unread and the body's handlers
        // are refused (IllegalStateException). On its own context each step follows the last without a gap.
        vertx.getOrCreateContext().runOnContext(start -> client.request(options)
                .compose(sent -> {
                    request.set(sent);
                    if (abandoned.get()) {
                        // Given up on before a connection came: do not send what nobody will read.
                        sent.reset();
                    }
                    return sent.send();
                })
                .compose(response -> CappedBody.read(response, maxBytes).map(body -> hop(response, body)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        exchange.complete(done.result());
                    } else {
                        exchange.completeExceptionally(done.cause());
                    }
                }));
        try {
            // Across every hop: the request timeout bounds the whole fetch, a slow drip of a body included.
            return exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            abandon(request.get());
            throw new FeedFetchException("No complete response within " + seconds(requestTimeout), e);
        } catch (InterruptedException e) {
            abandoned.set(true);
            abandon(request.get());
            throw e;
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        }
    }

    /** The address to connect to for this URL, or the refusal the poll records. */
    private InetAddress admitted(URI url, boolean redirected) {
        String prefix = redirected ? "Redirect to " + FeedRedirect.printable(url.toString()) + " not followed: "
                : "Not fetched: ";
        try {
            return addresses.admit(url.getHost());
        } catch (FeedAddressRefusedException e) {
            throw new FeedFetchException(prefix + e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FeedFetchException(prefix + "host " + url.getHost() + " has no address", e);
        }
    }

    private static Hop hop(HttpClientResponse response, byte[] body) {
        return new Hop(new FeedResponse(response.statusCode(), body, response.getHeader("Content-Type"),
                response.getHeader("ETag"), response.getHeader("Last-Modified")), response.getHeader("Location"));
    }

    private static void abandon(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** Path and query as the URL has them, escapes kept; never the fragment, which is the client's alone. */
    private static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** An IPv6 literal without its URL brackets. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private FeedFetchException failure(URI url, Throwable cause) {
        if (cause instanceof FeedFetchException fetch) {
            return fetch;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge tooLarge) {
                return new FeedFetchException(tooLarge.getMessage(), cause);
            }
        }
        String where = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return new FeedFetchException("Could not connect to " + where + " within " + seconds(connectTimeout), cause);
        }
        if (cause instanceof ConnectException) {
            // The message here names the address; what matters is that nothing answered.
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
}
