package news.wire.ingest.api;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import news.wire.ingest.intake.Article;
import news.wire.ingest.intake.ArticleSubmission;
import news.wire.ingest.intake.IntakeService;

/** The door for wire copy: accepts articles and reports where each stands. */
@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    private final IntakeService intake;

    public ArticleResource(IntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept an article; 202 means it is durably stored and will be published")
    @APIResponse(responseCode = "202", description = "Stored; the id is the article's id in every service")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json)")
    @APIResponse(responseCode = "415", description = "Unsupported content type (problem+json)")
    public Response submit(@Valid @NotNull ArticleSubmission submission) {
        Article article = intake.accept(submission);
        return Response.accepted(IntakeView.of(article))
                .location(URI.create("/v1/articles/" + article.id))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Intake status and version of an accepted article")
    @APIResponse(responseCode = "200", description = "The article's intake record")
    @APIResponse(responseCode = "404", description = "No article with this id (problem+json)")
    public IntakeView get(@PathParam("id") UUID id) {
        return intake.find(id).map(IntakeView::of)
                .orElseThrow(() -> new NotFoundException("No article with id " + id));
    }
}
