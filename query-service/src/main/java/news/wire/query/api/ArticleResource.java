package news.wire.query.api;

import java.io.IOException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.search.ArticleSearch;
import news.wire.query.search.SearchPage;

/** Enriched articles: one by id, or a search with filters, facets and cursor paging. */
@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    private final ArticleSearch search;

    public ArticleResource(ArticleSearch search) {
        this.search = search;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The enriched record of one article (article.enriched/v1)")
    @APIResponse(responseCode = "200", description = "The article with its tags, and what the provider said of it "
            + "where it did: byline, subjects (code, name, scheme), tagged people, organisations and places, "
            + "versionCreated")
    @APIResponse(responseCode = "404", description = "Not indexed (yet), or no such article (problem+json)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public ObjectNode get(@PathParam("id") @Size(max = 64) String id) throws IOException {
        return search.find(id).orElseThrow(() -> new NotFoundException("No article with id " + id));
    }

    @GET
    @Operation(summary = "Search articles", description = "Full text in q (simple query syntax), filters, facets. "
            + "Pages: pass the cursor of a page to get the next; the last page has none. Each row carries the "
            + "article's byline, provider subjects and versionCreated when the provider sent them. Highlight "
            + "fragments are HTML-escaped article text whose only markup is <em> around matches.")
    @APIResponse(responseCode = "200", description = "Matching articles, total, next cursor, facets")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json naming it in errors[].field)")
    @APIResponse(responseCode = "503", description = "Elasticsearch unavailable (problem+json, Retry-After)")
    public SearchPage search(@Valid @BeanParam ArticleSearchParams params) throws IOException {
        return search.search(params.toQuery());
    }
}
