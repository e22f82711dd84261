package news.wire.query.api;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import news.wire.query.search.InvalidParameterException;
import news.wire.query.watches.MatchLog;
import news.wire.query.watches.Watch;
import news.wire.query.watches.WatchFeed;
import news.wire.query.watches.WatchMatch;
import news.wire.query.watches.WatchStore;
import news.wire.query.watches.WebhookDeliveries;

/**
 * Watches: saved searches whose new matching articles are announced as they are indexed, read as pages, a stream of
 * server-sent events or an Atom feed.
 */
@Path("/v1/watches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watches")
public class WatchResource {

    private static final Logger LOG = Logger.getLogger(WatchResource.class);
    /** How often a stream looks for new matches. */
    static final Duration STREAM_POLL = Duration.ofMillis(500);
    static final int FEED_ENTRIES = 50;

    private final WatchStore watches;
    private final WatchRequest requests;
    private final MatchLog matches;
    private final WebhookDeliveries deliveries;

    public WatchResource(WatchStore watches, WatchRequest requests, MatchLog matches, WebhookDeliveries deliveries) {
        this.watches = watches;
        this.deliveries = deliveries;
        this.requests = requests;
        this.matches = matches;
    }

    /** A page of matches, newest first; {@code next} is the {@code before} of the following page. */
    public record MatchPage(List<WatchMatch> matches, String next) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a watch", description = "A name and any filters of GET /v1/articles under their "
            + "parameter names (q, source, entity, entityType, subject, storyId, from, to, mentionedFrom, mentionedTo, "
            + "countedThing, numberKind, min, max, language), and optionally webhook: {url}. Matched against every "
            + "article indexed from now on. A new webhook's secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "The watch, with Location")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it in errors[].field)")
    public Response create(JsonNode body, @Context UriInfo uri) throws IOException {
        WatchRequest.Read read = requests.read(body);
        Watch watch = watches.create(read.name(), read.filters(), read.query(), read.webhookUrl());
        startDeliveries(watch);
        return Response.created(uri.getAbsolutePathBuilder().path(watch.id()).build()).entity(watch).build();
    }

    @GET
    @Operation(summary = "The watches, oldest first")
    public Map<String, List<Watch>> list() throws IOException {
        return Map.of("watches", withDeliveryState(watches.list()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One watch")
    @APIResponse(responseCode = "404", description = "No such watch (problem+json)")
    public Watch get(@PathParam("id") String id) throws IOException {
        return withDeliveryState(List.of(found(id))).get(0);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a watch's name and filters", description = "Its matches so far stay.")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it in errors[].field)")
    @APIResponse(responseCode = "404", description = "No such watch (problem+json)")
    public Watch replace(@PathParam("id") String id, JsonNode body) throws IOException {
        WatchRequest.Read read = requests.read(body);
        Watch watch = watches.replace(id, read.name(), read.filters(), read.query(), read.webhookUrl())
                .orElseThrow(() -> noWatch(id));
        startDeliveries(watch);
        return watch;
    }

    /**
     * A saved webhook starts (again) with no failures, not paused: a new URL from the next match on, the same URL
     * from where it stopped.
     */
    private void startDeliveries(Watch watch) throws IOException {
        if (watch.webhook() != null) {
            WebhookDeliveries.State state = deliveries.get(watch.id());
            deliveries.save(WebhookDeliveries.State.fresh(watch.id(), watch.webhook().secret() != null
                    ? matches.newestSeq(watch.id()) : state.deliveredSeq()));
        }
    }

    /** The watches with their webhooks' delivery state. */
    private List<Watch> withDeliveryState(List<Watch> list) throws IOException {
        List<String> hooked = list.stream().filter(w -> w.webhook() != null).map(Watch::id).toList();
        Map<String, WebhookDeliveries.State> states = deliveries.getAll(hooked);
        List<Watch> shown = new java.util.ArrayList<>(list.size());
        for (Watch w : list) {
            WebhookDeliveries.State state = states.get(w.id());
            shown.add(state == null ? w : w.withWebhook(w.webhook().withState(state,
                    matches.countAfter(w.id(), state.deliveredSeq()))));
        }
        return shown;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a watch")
    @APIResponse(responseCode = "204", description = "Deleted: no more matches")
    @APIResponse(responseCode = "404", description = "No such watch (problem+json)")
    public Response delete(@PathParam("id") String id) throws IOException {
        if (!watches.delete(id)) {
            throw noWatch(id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/matches")
    @Operation(summary = "A watch's matches, newest first", description = "Each: matchId (stable), articleId, "
            + "version, kind (matched, updated, withdrawn), seq, matchedAt, source, headline, publishedAt, storyId. "
            + "Pass a page's next as before for the following page.")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it)")
    @APIResponse(responseCode = "404", description = "No such watch (problem+json)")
    public MatchPage matches(@PathParam("id") String id, @QueryParam("size") String size,
                             @QueryParam("before") String before) throws IOException {
        int pageSize = Params.whole("size", size, 20, 1, 100);
        Long beforeSeq = seq("before", before);
        found(id);
        List<WatchMatch> page = matches.newestFirst(id, beforeSeq, pageSize);
        String next = page.size() == pageSize ? Long.toString(page.get(page.size() - 1).seq()) : null;
        return new MatchPage(page, next);
    }

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "New matches as server-sent events", description = "Event id = the match's seq, event name "
            + "= its kind, data = the match as JSON. Reconnect with Last-Event-ID to get every match after it; without "
            + "it the stream starts with the next match.")
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not a match's seq (problem+json)")
    @APIResponse(responseCode = "404", description = "No such watch (problem+json)")
    public Multi<OutboundSseEvent> stream(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) throws IOException {
        Long resumeAfter = seq("Last-Event-ID", lastEventId);
        found(id);
        AtomicLong last = new AtomicLong(resumeAfter != null ? resumeAfter : matches.newestSeq(id));
        return Multi.createFrom().ticks().every(STREAM_POLL)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> next(id, last))
                .map(m -> sse.newEventBuilder().id(Long.toString(m.seq())).name(m.kind())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(WatchMatch.class, m).build());
    }

    /** The matches after the last one sent; none while Elasticsearch does not answer (the next tick tries again). */
    private List<WatchMatch> next(String id, AtomicLong last) {
        try {
            List<WatchMatch> found = matches.after(id, last.get(), 100);
            if (!found.isEmpty()) {
                last.set(found.get(found.size() - 1).seq());
            }
            return found;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Stream of watch %s waits: %s", id, e.toString());
            return List.of();
        }
    }

    @GET
    @Path("/{id}/feed")
    @Produces("application/atom+xml")
    @Operation(summary = "A watch's latest matches as an Atom 1.0 feed", description = "The 50 newest, newest "
            + "first; entry id urn:wire:match:{matchId}, link to the article.")
    @APIResponse(responseCode = "404", description = "No such watch (problem+json)")
    public String feed(@PathParam("id") String id, @Context UriInfo uri) throws IOException {
        Watch watch = found(id);
        return WatchFeed.atom(watch, matches.newestFirst(id, null, FEED_ENTRIES), uri.getBaseUri());
    }

    private Watch found(String id) throws IOException {
        return watches.find(id).orElseThrow(() -> noWatch(id));
    }

    private static NotFoundException noWatch(String id) {
        return new NotFoundException("No watch with id " + id);
    }

    private static Long seq(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // Refused below.
        }
        throw new InvalidParameterException(name, "must be the seq of a match (a whole number)");
    }
}
