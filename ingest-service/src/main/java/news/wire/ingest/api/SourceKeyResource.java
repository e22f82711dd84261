package news.wire.ingest.api;

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

import news.wire.ingest.security.AdminGuard;
import news.wire.ingest.security.ApiKey;
import news.wire.ingest.security.ApiKeys;

/** Key administration: issue, list and revoke the API keys of a source (requires X-Admin-Token). */
@Path("/v1/sources/{source}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources")
public class SourceKeyResource {

    private final ApiKeys keys;
    private final AdminGuard admin;

    public SourceKeyResource(ApiKeys keys, AdminGuard admin) {
        this.keys = keys;
        this.admin = admin;
    }

    /** A key's public description; the secret itself is only in the answer to its creation. */
    public record KeyView(UUID id, String source, String label, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id, key.source, key.label, key.createdAt, key.revokedAt);
        }
    }

    /**
     * No control characters in what is stored and shown about a key: PostgreSQL cannot store NUL (a 500), and a line
     * break in a source or label would forge lines wherever they are logged.
     */
    static final String NO_CONTROLS = "[^\\x00-\\x1F\\x7F-\\x9F]*";
    static final String NO_CONTROLS_MESSAGE = "must not contain control characters";

    /** What a key is issued for. */
    public record KeyRequest(@Size(max = 200) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String label) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for the source; the key is in this answer only")
    @APIResponse(responseCode = "201", description = "The new key")
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Admin-Token (problem+json)")
    public Response issue(@PathParam("source") @Size(min = 1, max = 200)
                          @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String source,
                          @HeaderParam(AdminGuard.HEADER) String token, @Valid KeyRequest request) {
        admin.require(token);
        ApiKeys.IssuedKey issued = keys.issue(source, request == null ? null : request.label());
        // Source names have spaces ("Reuters Wire"): let UriBuilder encode them.
        URI location = UriBuilder.fromPath("/v1/sources/{source}/keys/{id}").build(source, issued.id());
        return Response.created(location).entity(issued).build();
    }

    @GET
    @Operation(summary = "The source's keys, live and revoked (without secrets)")
    public List<KeyView> list(@PathParam("source") String source, @HeaderParam(AdminGuard.HEADER) String token) {
        admin.require(token);
        return keys.listFor(source).stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key: it stops working at once")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key for this source (problem+json)")
    public void revoke(@PathParam("source") String source, @PathParam("id") UUID id,
                       @HeaderParam(AdminGuard.HEADER) String token) {
        admin.require(token);
        if (!keys.revoke(source, id)) {
            throw new NotFoundException("No key " + id + " for source " + source);
        }
    }
}
