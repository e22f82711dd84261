package news.wire.query.api;

import java.io.IOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import news.wire.query.search.IndexStats;

/** What the index holds and how far it trails the wire. */
@Path("/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class StatsResource {

    private final IndexStats stats;

    public StatsResource(IndexStats stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Counts and freshness", description = "Articles in total, per source and per day of the last "
            + "days (UTC); newest publishedAt/enrichedAt indexed, seconds since that enrichedAt, indexer lag in records.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public IndexStats.Stats stats(@QueryParam("days") @Parameter(description = "1 to 90 (default 7)") String days)
            throws IOException {
        return stats.stats(Params.whole("days", days, 7, 1, 90));
    }
}
