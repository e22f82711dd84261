package news.wire.query.api;

import java.io.IOException;
import java.util.Comparator;
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
    private static final String TYPE_PREFIX = "urn:problem:wire:";
    /** Seconds a client should wait before retrying while Elasticsearch is away. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(parameter(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String names = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        return Problem.response(new Problem(TYPE_PREFIX + "invalid-parameter", "Invalid parameter", 400,
                "Invalid value for: " + names, errors));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        return Problem.response(new Problem(TYPE_PREFIX + "invalid-parameter", "Invalid parameter", 400,
                "Invalid value for: " + e.parameter(), List.of(new Problem.FieldError(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(new Problem(TYPE_PREFIX + "not-found", "Not found", 404, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(new Problem(TYPE_PREFIX + "http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), List.of()));
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
        Problem problem = new Problem(TYPE_PREFIX + "search-unavailable", "Search unavailable", 503, detail, List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem).build();
    }

    /** "search.size" → "size": clients know the parameter, not our method names. */
    private static String parameter(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
