package news.wire.enrich.api;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.enrich.security.KeysUnavailableException;
import news.wire.enrich.security.NotAuthenticatedException;

/** Turns every failure of the API into {@code application/problem+json}. */
public class ProblemMappings {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Problem.of("invalid-request", "Invalid request", 400, "The request has invalid or missing fields",
                e.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(FieldNames.of(v), v.getMessage())).toList())
                .response();
    }

    @ServerExceptionMapper
    public Response refused(RefusedRequestException e) {
        return e.problem().response();
    }

    /** Well-formed JSON with a value of the wrong shape, such as a date that is not ISO 8601. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return invalidField(FieldNames.of(e), e.getOriginalMessage()).response();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.malformedJson(e).response();
    }

    /** The same type as ingest's and query's, so a client handles a missing or revoked key alike at each service. */
    @ServerExceptionMapper
    public Response notAuthenticated(NotAuthenticatedException e) {
        return Problem.of("unauthenticated", "Not authenticated", 401, e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("admin-only", "Forbidden", 403, e.getMessage()).response();
    }

    /** While the key topic is being read at start, or Kafka did not take a change: ask again shortly. */
    @ServerExceptionMapper
    public Response keysUnavailable(KeysUnavailableException e) {
        return Response.fromResponse(Problem.of("keys-unavailable", "Keys unavailable", 503, e.getMessage()).response())
                .header("Retry-After", "5").build();
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

    /** Also written by {@link BodyLimitRoute}, which refuses before a body is read: one document for one fault. */
    static Problem tooLarge() {
        return Problem.of("too-large", "Request too large", 413,
                "The request is larger than the limit of " + EnrichRequestReader.MAX_BYTES + " bytes");
    }

    static Problem invalidField(String field, String message) {
        return Problem.of("invalid-request", "Invalid request", 400, "Field " + field + " has an invalid value",
                List.of(new Problem.FieldError(field, message)));
    }
}
