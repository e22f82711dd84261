package news.wire.query.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import news.wire.query.entities.EntityIdentity;
import news.wire.query.entities.RegisteredEntity;
import news.wire.query.search.ArticleQuery;
import news.wire.query.search.EntityLookup;
import news.wire.query.search.InvalidParameterException;

/** Real-world entities named in the indexed articles, by id: completion, profiles and timelines. */
@Path("/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public class EntityResource {

    /** Longest timeline: 31 days of hours, or about ten years of days. */
    private static final Duration MAX_HOURS = Duration.ofDays(31);
    private static final Duration MAX_DAYS = Duration.ofDays(3660);

    private final EntityLookup entities;
    private final EntityIdentity identity;

    public EntityResource(EntityLookup entities, EntityIdentity identity) {
        this.entities = entities;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Complete an entity name", description = "Entities seen under a name, or a word of one, that "
            + "starts with prefix, each once with its id and canonical name; most mentioned first (mentions summed over "
            + "all articles; articles = how many name it).")
    @APIResponse(responseCode = "200", description = "Matching entities")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public List<EntityLookup.EntitySuggestion> suggest(@QueryParam("prefix") @Size(max = 100) String prefix,
                                                       @QueryParam("type") String type,
                                                       @QueryParam("size") @Parameter(description = "1 to 50 "
                                                               + "(default 10)") String size)
            throws IOException {
        return entities.suggest(Params.text(prefix), Params.oneOf("type", type, Params.ENTITY_TYPES),
                Params.whole("size", size, 10, 1, 50));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entity", description = "Its canonical name and type, the names it was written as with "
            + "their article counts, first and last seen, the names learned for it over time (merges) and articles per "
            + "day. The id of a short form that now stands for a fuller entity redirects (308) to that entity.")
    @APIResponse(responseCode = "200", description = "The entity")
    @APIResponse(responseCode = "308", description = "The id was merged into the entity at Location")
    @APIResponse(responseCode = "404", description = "No such entity (problem+json)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public Response get(@PathParam("id") @Size(max = 300) String id, @Context UriInfo uri) throws IOException {
        RegisteredEntity entity = identity.canonical(id).orElseThrow(() -> new NotFoundException("No entity with id " + id));
        if (!entity.id().equals(id)) {
            return Response.status(Response.Status.PERMANENT_REDIRECT)
                    .location(uri.getBaseUriBuilder().path("v1/entities/{id}").build(entity.id())).build();
        }
        return Response.ok(entities.profile(entity)).build();
    }

    @GET
    @Path("/{name}/timeline")
    @Operation(summary = "Mentions of an entity over time", description = "Per hour or day of publication: articles "
            + "naming the entity (given by id or by any name it was seen under) and their mentions of it. to defaults "
            + "to now, from to 30 days (hour: 2 days) before.")
    @APIResponse(responseCode = "200", description = "Buckets, empty ones included")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public EntityLookup.Timeline timeline(@PathParam("name") @Size(max = 200) String name,
                                          @QueryParam("interval") String interval,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("type") String type) throws IOException {
        ArticleQuery.Interval bucket = Params.interval(interval);
        boolean hours = bucket == ArticleQuery.Interval.HOUR;
        Instant end = to == null || to.isBlank() ? Instant.now() : Params.end("to", to);
        Instant start = from == null || from.isBlank()
                ? end.minus(hours ? Duration.ofDays(2) : Duration.ofDays(30)) : Params.start("from", from);
        Params.ordered("from", start, "to", end);
        if (Duration.between(start, end).compareTo(hours ? MAX_HOURS : MAX_DAYS) > 0) {
            throw new InvalidParameterException("from", "too far before to for interval " + bucket.name().toLowerCase());
        }
        return entities.timeline(name, Params.oneOf("type", type, Params.ENTITY_TYPES), bucket, start, end);
    }
}
