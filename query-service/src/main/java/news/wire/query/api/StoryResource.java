package news.wire.query.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) throws IOException {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw new InvalidStoryParameterException("to", "must be after from");
        }
        return new StoriesPage(start.toString(), end.toString(), stories.stories(start, end, size));
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

    /** A date means its whole day (UTC): as an end, the first instant of the next day. */
    private static Instant instant(String name, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidStoryParameterException(name, "not an ISO-8601 date (2026-11-16) or date-time with offset");
        }
    }
}
