package news.wire.query.api;

import java.io.IOException;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import news.wire.query.search.InvalidParameterException;

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
    public Response notFound(NotFoundException e) {
        return Problem.of("not-found", "Not found", 404, e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
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
