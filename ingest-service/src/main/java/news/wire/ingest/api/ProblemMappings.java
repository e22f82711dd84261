package news.wire.ingest.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.ingest.feeds.FeedAddressRefusedException;
import news.wire.ingest.feeds.FeedExistsException;
import news.wire.ingest.feeds.InvalidFeedException;
import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.UnknownItemException;
import news.wire.ingest.security.NotAuthenticatedException;
import news.wire.ingest.security.RateLimitedException;
import news.wire.ingest.security.WrongSourceException;

/** Turns every failure of the API into {@code application/problem+json}. */
public class ProblemMappings {

    static final String RETRY_AFTER = "Retry-After";

    /** Each type named, not only a parent: Quarkus's own mappers for some (mismatched JSON) would be closer matches. */
    @ServerExceptionMapper({ConstraintViolationException.class, InvalidItemException.class,
            MismatchedInputException.class, JsonProcessingException.class, WireFormatException.class,
            TooLargeException.class, UnknownItemException.class, NotAuthenticatedException.class,
            WrongSourceException.class})
    public Response article(Exception e) {
        return ArticleProblems.of(e).response();
    }

    /** The problem, and in Retry-After the whole seconds until the contributor's next token. */
    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(ArticleProblems.of(e).response())
                .header(RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("admin-only", "Forbidden", 403, e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response invalidFeed(InvalidFeedException e) {
        return FeedProblems.invalid(e).response();
    }

    @ServerExceptionMapper
    public Response feedAddressRefused(FeedAddressRefusedException e) {
        return FeedProblems.addressRefused(e).response();
    }

    @ServerExceptionMapper
    public Response feedExists(FeedExistsException e) {
        return FeedProblems.exists(e).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.notFound(e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST reports unreadable bodies as a bare 400; say what was wrong with the JSON.
            return ArticleProblems.of(json).response();
        }
        return Problem.ofStatus(e.getResponse().getStatusInfo(), e.getMessage()).response();
    }
}
