package news.wire.ingest.api;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.ingest.feeds.FeedExistsException;
import news.wire.ingest.feeds.InvalidFeedException;
import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.UnknownItemException;
import news.wire.ingest.security.NotAuthenticatedException;
import news.wire.ingest.security.WrongSourceException;

/** Turns every failure of the API into {@code application/problem+json}. */
public class ProblemMappings {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Problem.response(ArticleProblems.invalid(e));
    }

    @ServerExceptionMapper
    public Response invalidItem(InvalidItemException e) {
        return Problem.response(ArticleProblems.invalid(e));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return Problem.response(ArticleProblems.mismatched(e));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.response(ArticleProblems.malformed(e));
    }

    @ServerExceptionMapper
    public Response unreadable(WireFormatException e) {
        return Problem.response(ArticleProblems.unreadable(e));
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e) {
        return Problem.response(ArticleProblems.tooLarge(e));
    }

    @ServerExceptionMapper
    public Response unknownItem(UnknownItemException e) {
        return Problem.response(ArticleProblems.unknownItem(e));
    }

    @ServerExceptionMapper
    public Response unauthenticated(NotAuthenticatedException e) {
        return Problem.response(ArticleProblems.unauthenticated(e));
    }

    @ServerExceptionMapper
    public Response wrongSource(WrongSourceException e) {
        return Problem.response(ArticleProblems.wrongSource(e));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(new Problem(ArticleProblems.TYPE_PREFIX + "admin-only", "Forbidden", 403,
                e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidFeed(InvalidFeedException e) {
        return Problem.response(FeedProblems.invalid(e));
    }

    @ServerExceptionMapper
    public Response feedExists(FeedExistsException e) {
        return Problem.response(FeedProblems.exists(e));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(new Problem(ArticleProblems.TYPE_PREFIX + "not-found", "Not found", 404,
                e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST reports unreadable bodies as a bare 400; say what was wrong with the JSON.
            return malformed(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        // Quarkus refuses an unparsable Content-Type or one an endpoint does not consume before our readers see it;
        // it is the same fault as a type they refuse, so clients get the same problem type.
        String kind = status.getStatusCode() == 415 ? "unsupported-media-type" : "http-" + status.getStatusCode();
        return Problem.response(new Problem(ArticleProblems.TYPE_PREFIX + kind,
                status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), List.of()));
    }
}
