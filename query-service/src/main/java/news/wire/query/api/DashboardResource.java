package news.wire.query.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.dashboard.LatestArticles;
import news.wire.query.dashboard.PipelineMonitor;
import news.wire.query.dashboard.PipelineStatus;
import news.wire.query.dashboard.RecentEntities;

/** What the dashboard page at {@code /} polls: the pipeline's rates, recent entities and the latest articles. */
@Path("/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard")
public class DashboardResource {

    private final PipelineMonitor monitor;
    private final RecentEntities entities;
    private final LatestArticles latest;

    public DashboardResource(PipelineMonitor monitor, RecentEntities entities, LatestArticles latest) {
        this.monitor = monitor;
        this.entities = entities;
        this.latest = latest;
    }

    /** The latest articles, as a list under one key so the answer can grow fields later. */
    public record Latest(List<ObjectNode> articles) {
    }

    @GET
    @Path("/pipeline")
    @Operation(summary = "Rates, backlogs and lags of the three stages", description = "Read from each service's "
            + "/q/metrics every few seconds. Rates are per second over windowSeconds; a figure is null when it cannot "
            + "be told (service unreachable, read only once, or metric not reported); service.reachable and "
            + "service.error say which services could not be read. history: the three main rates at each read.")
    @APIResponse(responseCode = "200", description = "The pipeline's figures; never fails for an unreachable service")
    public PipelineStatus pipeline() {
        return monitor.status();
    }

    @GET
    @Path("/entities")
    @Operation(summary = "Top entities of the articles received lately, per type", description = "Articles whose "
            + "receivedAt is within the last hours; per type, the names in the most articles (then most mentions).")
    @APIResponse(responseCode = "200", description = "Entities per type, and how many articles were received")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public RecentEntities.Top entities(@QueryParam("hours") @DefaultValue("1") @Min(1) @Max(168) int hours,
                                       @QueryParam("size") @DefaultValue("5") @Min(1) @Max(50) int size)
            throws IOException {
        return entities.top(Duration.ofHours(hours), size);
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The articles received last", description = "Whole article.enriched/v1 records, newest "
            + "receivedAt first, with the offsets of their entity mentions, numbers and dates.")
    @APIResponse(responseCode = "200", description = "The articles")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public Latest latest(@QueryParam("size") @DefaultValue("8") @Min(1) @Max(50) int size) throws IOException {
        return new Latest(latest.latest(size));
    }
}
