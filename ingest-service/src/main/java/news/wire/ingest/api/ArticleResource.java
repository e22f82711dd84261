package news.wire.ingest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.formats.WireItem;
import news.wire.ingest.intake.IntakeMeters;
import news.wire.ingest.intake.IntakeResult;
import news.wire.ingest.intake.IntakeService;
import news.wire.ingest.security.Contributor;
import news.wire.ingest.security.IntakeRateLimiter;
import news.wire.ingest.security.SourceAuthorizer;

/** The door for wire copy: accepts articles, withdraws them, and reports where each stands. */
// Rooted at /v1, not /v1/articles, so that /v1/articles:batch (another resource) is not taken for an id here.
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    private final IntakeService intake;
    private final SubmissionReader reader;
    private final SourceAuthorizer authorizer;
    private final IntakeMeters meters;
    private final IntakeRateLimiter rateLimiter;
    private final long maxArticleBytes;

    public ArticleResource(IntakeService intake, SubmissionReader reader, SourceAuthorizer authorizer,
                           IntakeMeters meters, IntakeRateLimiter rateLimiter, IngestConfig config) {
        this.meters = meters;
        this.rateLimiter = rateLimiter;
        this.intake = intake;
        this.reader = reader;
        this.authorizer = authorizer;
        this.maxArticleBytes = config.limits().maxArticleSize().asLongValue();
    }

    @POST
    @Path("/articles")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept an article in our JSON form, ninjs 1.x/2.x, NITF, NewsML-G2, plain text or HTML; "
            + "202 means stored (new article, new version or withdrawal) and will be published, 200 means nothing "
            + "changed (duplicate or older version). Formats without a source or publication time take them from "
            + "?source= and ?publishedAt= or the X-Source and X-Published-At headers.")
    @APIResponse(responseCode = "202", description = "Stored; the id is the article's id in every service")
    @APIResponse(responseCode = "200", description = "Duplicate (or an older provider version): nothing changed")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json)")
    @APIResponse(responseCode = "401", description = "No X-Api-Key, or an unknown or revoked one (problem+json)")
    @APIResponse(responseCode = "403", description = "The key belongs to another source (problem+json)")
    @APIResponse(responseCode = "413", description = "Larger than ingest.limits.max-article-size (problem+json)")
    @APIResponse(responseCode = "415", description = "Unsupported content type (problem+json)")
    @APIResponse(responseCode = "429", description = "Over the key's rate limit (problem+json, Retry-After): nothing stored")
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(SourceAuthorizer.HEADER) String apiKey,
                           @QueryParam("source") String sourceParam, @HeaderParam("X-Source") String sourceHeader,
                           @QueryParam("publishedAt") String publishedParam,
                           @HeaderParam("X-Published-At") String publishedHeader,
                           @Context HttpServerRequest http) throws IOException {
        String format = IntakeMeters.format(contentType);
        try {
            Contributor contributor = authorizer.authenticate(apiKey, ClientAddress.of(http));
            // Before the body is read: a refused request costs us as little as it can.
            rateLimiter.take(contributor, 1);
            String keySource = contributor.source();
            byte[] content = BoundedBody.read(body, maxArticleBytes);
            String requestSource = sourceParam != null ? sourceParam : sourceHeader;
            SubmissionReader.Defaults defaults = new SubmissionReader.Defaults(
                    requestSource != null ? requestSource : keySource,
                    publishedParam != null ? publishedParam : publishedHeader);
            WireItem item = reader.read(content, contentType, defaults);
            authorizer.authorize(keySource, item.source());
            IntakeResult result = intake.accept(item);
            meters.accepted(format, result.article().source, result.outcome());
            return respond(result);
        } catch (RuntimeException e) {
            meters.rejected(format, ArticleProblems.of(e).shortType());
            throw e;
        }
    }

    @DELETE
    @Path("/articles/{id}")
    @Operation(summary = "Withdraw (kill) an article: downstream services delete it")
    @APIResponse(responseCode = "202", description = "Withdrawal stored; a tombstone will be published")
    @APIResponse(responseCode = "200", description = "Already withdrawn")
    @APIResponse(responseCode = "404", description = "No article with this id (problem+json)")
    @APIResponse(responseCode = "429", description = "Over the key's rate limit (problem+json, Retry-After): nothing stored")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(SourceAuthorizer.HEADER) String apiKey,
                             @Context HttpServerRequest http) {
        Contributor contributor = authorizer.authenticate(apiKey, ClientAddress.of(http));
        // A withdrawal is a write like any other: it costs a token.
        rateLimiter.take(contributor, 1);
        intake.find(id).ifPresent(article -> authorizer.authorize(contributor.source(), article.source));
        return respond(intake.withdraw(id));
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "Intake status and version history of an accepted article")
    @APIResponse(responseCode = "200", description = "The article's intake record")
    @APIResponse(responseCode = "404", description = "No article with this id (problem+json)")
    public IntakeView get(@PathParam("id") UUID id) {
        return intake.find(id).map(article -> IntakeView.withHistory(article, intake.history(id)))
                .orElseThrow(() -> new NotFoundException("No article with id " + id));
    }

    private static Response respond(IntakeResult result) {
        return Response.status(result.outcome().changed() ? 202 : 200)
                .entity(IntakeView.of(result))
                .location(URI.create("/v1/articles/" + result.article().id))
                .build();
    }
}
