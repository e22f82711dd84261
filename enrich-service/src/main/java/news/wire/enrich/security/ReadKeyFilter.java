package news.wire.enrich.security;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import news.wire.enrich.api.KeyResource;
import news.wire.enrich.config.EnrichConfig;

/**
 * The preview API (POST /v1/enrich, the only other REST resource) needs a live read key in X-Api-Key while keys are
 * on; key administration has the admin token instead. Health and metrics are not REST resources and stay open.
 */
public class ReadKeyFilter {

    /** The header readers send their key in, as at ingest and query. */
    public static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final boolean enabled;

    public ReadKeyFilter(ApiKeys keys, EnrichConfig config) {
        this.keys = keys;
        this.enabled = config.auth().enabled();
    }

    /** Runs after matching, so it is decided by the resource a request reached, never by how its path was spelled. */
    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!enabled || resource.getResourceClass() == KeyResource.class) {
            return;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            throw new NotAuthenticatedException("An API key is required in the " + HEADER + " header");
        }
        if (keys.holderOf(presented.strip()).isEmpty()) {
            throw new NotAuthenticatedException("The API key is unknown or revoked");
        }
    }
}
