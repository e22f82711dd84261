package news.wire.query.security;

import java.io.IOException;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import news.wire.query.api.KeyResource;
import news.wire.query.config.QueryConfig;

/**
 * Every call of the REST API (all of it under /v1: search, entities, stories, stats, the dashboard's data) needs a
 * live read key in X-Api-Key while keys are on, and a token of its reader's rate limit either way. Key
 * administration has the admin token instead. Health, metrics, OpenAPI and the dashboard page itself are not REST
 * resources and stay open, so the page can load and ask for a key.
 */
public class ReadKeyFilter {

    /** The header readers send their key in, as at ingest. */
    public static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final SearchRateLimiter limiter;
    private final boolean enabled;

    public ReadKeyFilter(ApiKeys keys, SearchRateLimiter limiter, QueryConfig config) {
        this.keys = keys;
        this.limiter = limiter;
        this.enabled = config.auth().enabled();
    }

    /** Runs after matching, so it is decided by the resource a request reached, never by how its path was spelled. */
    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, SimpleResourceInfo resource, HttpServerRequest http)
            throws IOException {
        if (resource.getResourceClass() == KeyResource.class) {
            return;
        }
        limiter.take(reader(request.getHeaderString(HEADER), address(http)));
    }

    private Reader reader(String presentedKey, String address) throws IOException {
        if (!enabled) {
            return Reader.ofAddress(address);
        }
        if (presentedKey == null || presentedKey.isBlank()) {
            throw new NotAuthenticatedException("An API key is required in the " + HEADER + " header");
        }
        return keys.holderOf(presentedKey.strip()).map(id -> Reader.ofKey(id, address))
                .orElseThrow(() -> new NotAuthenticatedException("The API key is unknown or revoked"));
    }

    /** Behind a proxy, set quarkus.http.proxy.proxy-address-forwarding so this is the client's and not the proxy's. */
    private static String address(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
