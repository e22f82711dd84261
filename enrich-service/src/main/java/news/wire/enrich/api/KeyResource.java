package news.wire.enrich.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import news.wire.enrich.security.AdminGuard;
import news.wire.enrich.security.ApiKey;
import news.wire.enrich.security.ApiKeys;

/** Key administration: issue, list and revoke read keys (requires X-Admin-Token, whether keys are on or off). */
@Path("/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys")
public class KeyResource {

    /**
     * No control characters in what is stored and shown about a key: a line break in a label would forge lines
     * wherever it is logged.
     */
    static final String NO_CONTROLS = "[^\\x00-\\x1F\\x7F-\\x9F]*";

    private final ApiKeys keys;
    private final AdminGuard admin;

    public KeyResource(ApiKeys keys, AdminGuard admin) {
        this.keys = keys;
        this.admin = admin;
    }

    /** Who a key is for: a desk, an application. */
    public record KeyRequest(@Size(max = 200) @Pattern(regexp = NO_CONTROLS,
            message = "must not contain control characters") String label) {
    }

    /** A key's public description; the secret itself is only in the answer to its creation. */
    public record KeyView(UUID id, String label, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.label(), key.createdAt(), key.revokedAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a read key; the key is in this answer only")
    @APIResponse(responseCode = "201", description = "The new key")
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Admin-Token (problem+json)")
    public Response issue(@HeaderParam(AdminGuard.HEADER) String token, @Valid KeyRequest request) {
        admin.require(token);
        ApiKeys.IssuedKey issued = keys.issue(request == null ? null : request.label());
        URI location = UriBuilder.fromPath("/v1/keys/{id}").build(issued.id());
        return Response.created(location).entity(issued).build();
    }

    @GET
    @Operation(summary = "All read keys, live and revoked (without secrets)")
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Admin-Token (problem+json)")
    public List<KeyView> list(@HeaderParam(AdminGuard.HEADER) String token) {
        admin.require(token);
        return keys.list().stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a read key: it stops working at once here and within a moment on other instances")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Admin-Token (problem+json)")
    @APIResponse(responseCode = "404", description = "No such key (problem+json)")
    public void revoke(@PathParam("id") UUID id, @HeaderParam(AdminGuard.HEADER) String token) {
        admin.require(token);
        if (!keys.revoke(id)) {
            throw new NotFoundException("No key " + id);
        }
    }
}
