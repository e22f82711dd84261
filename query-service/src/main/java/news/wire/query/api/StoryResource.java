package news.wire.query.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import news.wire.query.stories.StoriesPage;
import news.wire.query.stories.StoryDetail;
import news.wire.query.stories.StoryReader;

/** Stories: articles from any sources about one event, with what each source reported. */
@Path("/v1/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories")
public class StoryResource {

    /** The period listed when none is given: the last week. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private final StoryReader stories;

    public StoryResource(StoryReader stories) {
        this.stories = stories;
    }

    @GET
    @Operation(summary = "Stories with articles published in [from, to), most recently active first")
    @APIResponse(responseCode = "200", description = "The stories, each with its sources and top entities")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public StoriesPage list(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("size") @Parameter(description = "1 to 100 (default 20)") String size)
            throws IOException {
        Instant end = to == null || to.isBlank() ? Instant.now() : Params.end("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : Params.start("from", from);
        Params.ordered("from", start, "to", end);
        return new StoriesPage(start.toString(), end.toString(), stories.stories(start, end,
                Params.whole("size", size, 20, 1, 100)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story: its articles, sources, top entities and figures table")
    @APIResponse(responseCode = "200", description = "The story")
    @APIResponse(responseCode = "404", description = "No such story (problem+json)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public StoryDetail get(@PathParam("id") @Size(max = 64) String id) throws IOException {
        return stories.story(id).orElseThrow(() -> new NotFoundException("No story with id " + id));
    }
}
