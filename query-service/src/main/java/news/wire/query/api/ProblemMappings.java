package news.wire.query.api;

import java.io.IOException;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import news.wire.query.search.InvalidParameterException;
import news.wire.query.security.NotAuthenticatedException;
import news.wire.query.security.RateLimitedException;

/** Turns every failure of the API into {@code application/problem+json}. */
public class ProblemMappings {

    private static final Logger LOG = Logger.getLogger(ProblemMappings.class);
    /** Seconds a client should wait before retrying while Elasticsearch is away. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(parameter(v), v.getMessage())).toList());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        return invalid(List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unknownParameter(UnknownParameterException e) {
        List<Problem.FieldError> errors = e.unknown().stream()
                .map(name -> new Problem.FieldError(name, "is not a parameter of this endpoint")).toList();
        return Problem.of("unknown-parameter", "Unknown parameter", 400, e.getMessage(), errors).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage()).response();
    }

    /**
     * The one JSON body query-service reads is key administration's; ingest names this fault the same. Each type
     * named: Quarkus's own mapper of mismatched JSON would be a closer match than a parent.
     */
    @ServerExceptionMapper({MismatchedInputException.class, JsonProcessingException.class})
    public Response malformedJson(Exception e) {
        String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return Problem.of("malformed-json", "Malformed JSON", 400, "The body is not the JSON expected: " + detail)
                .response();
    }

    /** The same type as ingest's, so a client handles a missing or revoked key alike at either service. */
    @ServerExceptionMapper
    public Response notAuthenticated(NotAuthenticatedException e) {
        return Problem.of("unauthenticated", "Not authenticated", 401, e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("admin-only", "Forbidden", 403, e.getMessage()).response();
    }

    /** The problem, and in Retry-After the whole seconds until the reader's next token. */
    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(Problem.of("rate-limited", "Rate limited", 429, e.getMessage()).response())
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus reports a body that does not parse as a bare 400 with the parser's exception as its cause.
            return malformedJson(json);
        }
        return Problem.ofStatus(e.getResponse().getStatusInfo(), e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response searchUnavailable(IOException e) {
        LOG.warnf("Elasticsearch unreachable: %s", e.toString());
        return unavailable("The search index cannot be reached; try again shortly");
    }

    @ServerExceptionMapper
    public Response searchFailed(ElasticsearchException e) {
        LOG.warnf("Elasticsearch error: %s", e.getMessage());
        return unavailable("The search index could not answer (" + e.status() + "); try again shortly");
    }

    private static Response unavailable(String detail) {
        return Response.fromResponse(Problem.of("search-unavailable", "Search unavailable", 503, detail).response())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response invalid(List<Problem.FieldError> errors) {
        return Problem.of("invalid-parameter", "Invalid parameter", 400,
                "Invalid value for: " + Problem.fieldNames(errors), errors).response();
    }

    /** "search.size" → "size": clients know the parameter, not our method names. */
    private static String parameter(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
