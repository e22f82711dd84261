package news.wire.ingest.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, which keys its rate limit while API keys are off. Behind a proxy, set
 * quarkus.http.proxy.proxy-address-forwarding so this is the client's and not the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
