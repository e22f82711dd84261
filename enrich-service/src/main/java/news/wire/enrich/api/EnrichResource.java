package news.wire.enrich.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import news.wire.enrich.enrichment.ArticleEnricher;
import news.wire.enrich.enrichment.EnrichedArticle;
import news.wire.enrich.enrichment.RawArticle;

/** Synchronous enrichment for previews, debugging and evaluation: the same output as the stream. */
@Path("/v1/enrich")
@Tag(name = "enrich")
public class EnrichResource {

    private final ArticleEnricher enricher;
    private final EnrichRequestReader reader;

    public EnrichResource(ArticleEnricher enricher, EnrichRequestReader reader) {
        this.enricher = enricher;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrich one article without publishing it")
    @APIResponse(responseCode = "200", description = "The article.enriched/v1 record (with a random preview id)")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json)")
    @APIResponse(responseCode = "413", description = "Body over 2 MB (problem+json)")
    @APIResponse(responseCode = "415", description = "Not JSON in UTF-8 (problem+json)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnrichRequest.class)))
    public EnrichedArticle enrich(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException {
        EnrichRequest request = reader.read(body, contentType);
        RawArticle raw = new RawArticle(RawArticle.SCHEMA, UUID.randomUUID(), 1,
                request.source() == null ? "preview" : request.source(), request.headlineOrEmpty(), request.body(),
                request.language(), request.publishedAt().toInstant(), request.publishedAt().toInstant(), null, null,
                null, null, null, null);
        return enricher.enrich(raw);
    }
}
