package news.wire.ingest.api;

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
import news.wire.servicekit.Problem;

/** Turns every failure of the API into {@code application/problem+json}. */
public class ProblemMappings {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return ArticleProblems.invalid(e).response();
    }

    @ServerExceptionMapper
    public Response invalidItem(InvalidItemException e) {
        return ArticleProblems.invalid(e).response();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return ArticleProblems.mismatched(e).response();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return ArticleProblems.malformed(e).response();
    }

    @ServerExceptionMapper
    public Response unreadable(WireFormatException e) {
        return ArticleProblems.unreadable(e).response();
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e) {
        return ArticleProblems.tooLarge(e).response();
    }

    @ServerExceptionMapper
    public Response unknownItem(UnknownItemException e) {
        return ArticleProblems.unknownItem(e).response();
    }

    @ServerExceptionMapper
    public Response unauthenticated(NotAuthenticatedException e) {
        return ArticleProblems.unauthenticated(e).response();
    }

    @ServerExceptionMapper
    public Response wrongSource(WrongSourceException e) {
        return ArticleProblems.wrongSource(e).response();
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
    public Response feedExists(FeedExistsException e) {
        return FeedProblems.exists(e).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.notFound(e.getMessage()).response();
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
        return Problem.ofStatus(e.getResponse().getStatusInfo(), e.getMessage()).response();
    }
}
