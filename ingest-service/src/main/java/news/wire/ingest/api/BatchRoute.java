package news.wire.ingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Serves the batch endpoint at {@code /v1/articles:batch}, the custom-method style of the rest of our API.
 * Neither the Vert.x router (which reads ":batch" as a path parameter) nor Quarkus REST route a colon in a
 * literal path, so the request is re-dispatched to the resource's {@code /v1/articles/batch}.
 */
@ApplicationScoped
public class BatchRoute {

    void register(@Observes Router router) {
        // Some clients percent-encode the colon.
        router.routeWithRegex(HttpMethod.POST, "/v1/articles(:|%3[aA])batch")
                .order(-10)
                .handler(context -> context.reroute("/v1/articles/batch"));
    }
}
