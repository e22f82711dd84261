package news.wire.ingest.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.ingest.feeds.Feed;
import news.wire.ingest.feeds.FeedRegistration;
import news.wire.ingest.feeds.FeedRegistry;
import news.wire.ingest.feeds.InvalidFeedException;
import news.wire.ingest.security.AdminGuard;

/** Live feeds: registers the RSS, Atom and ninjs feeds ingest-service polls, and shows how each is doing. */
@Path("/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds")
public class FeedResource {

    private final FeedRegistry registry;
    private final ObjectMapper json;
    private final AdminGuard admin;

    public FeedResource(FeedRegistry registry, ObjectMapper json, AdminGuard admin) {
        this.registry = registry;
        this.json = json;
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a feed to poll: {url, source, format (rss | atom | ninjs, optional), "
            + "pollInterval (ISO-8601 duration or seconds, optional)}. It is polled at once, then every pollInterval; "
            + "each entry goes through the same intake as POST /v1/articles.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FeedRegistration.class)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the feed")
    @APIResponse(responseCode = "400", description = "Invalid or missing fields, each named, or a url whose host "
            + "is internal and not in ingest.feeds.allowed-internal-hosts (problem+json)")
    @APIResponse(responseCode = "403", description = "API keys are on and X-Admin-Token is missing or wrong")
    @APIResponse(responseCode = "409", description = "A feed with this URL is already registered (problem+json)")
    public Response register(JsonNode body, @HeaderParam(AdminGuard.HEADER) String adminToken) {
        admin.requireWhenAuthEnabled(adminToken);
        Feed feed = registry.register(registration(body));
        return Response.created(URI.create("/v1/feeds/" + feed.id)).entity(FeedView.of(feed)).build();
    }

    @GET
    @Operation(summary = "Every registered feed with its polling statistics, oldest registration first")
    @APIResponse(responseCode = "200", description = "The feeds")
    public List<FeedView> list() {
        return registry.list().stream().map(FeedView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed: last poll, HTTP status, items seen, new and skipped, failures and next poll")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "404", description = "No feed with this id (problem+json)")
    public FeedView get(@PathParam("id") UUID id) {
        return registry.find(id).map(FeedView::of).orElseThrow(() -> new NotFoundException("No feed with id " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unregister a feed; articles already taken from it stay")
    @APIResponse(responseCode = "204", description = "Unregistered")
    @APIResponse(responseCode = "404", description = "No feed with this id (problem+json)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(AdminGuard.HEADER) String adminToken) {
        admin.requireWhenAuthEnabled(adminToken);
        if (!registry.delete(id)) {
            throw new NotFoundException("No feed with id " + id);
        }
        return Response.noContent().build();
    }

    /** A value of the wrong JSON shape is an invalid field of the registration, not malformed JSON. */
    private FeedRegistration registration(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFeedException(List.of(
                    new InvalidFeedException.Violation("body", "must be a JSON object")));
        }
        try {
            return json.treeToValue(body, FeedRegistration.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).findFirst().orElse("body");
            throw new InvalidFeedException(List.of(
                    new InvalidFeedException.Violation(field, "must be a string or a number")));
        } catch (JsonProcessingException e) {
            throw new InvalidFeedException(List.of(
                    new InvalidFeedException.Violation("body", e.getOriginalMessage())));
        }
    }
}
