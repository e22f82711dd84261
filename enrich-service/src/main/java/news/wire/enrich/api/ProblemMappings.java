package news.wire.enrich.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns every failure of the API into {@code application/problem+json}. */
public class ProblemMappings {

    private static final String TYPE_PREFIX = "urn:problem:wire:";

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.response(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400,
                "The request has invalid or missing fields", errors));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Problem.response(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400,
                "Field " + e.field() + " has an invalid value", List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response tooLarge(RequestTooLargeException e) {
        return Problem.response(new Problem(TYPE_PREFIX + "too-large", "Request too large", 413, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableRequestException e) {
        return Problem.response(new Problem(TYPE_PREFIX + e.kind(), "Unreadable request", e.status(), e.getMessage(),
                List.of()));
    }

    /** Well-formed JSON with a value of the wrong shape, such as a date that is not ISO 8601. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        return Problem.response(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400,
                "Field " + field + " has an invalid value",
                List.of(new Problem.FieldError(field, e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.response(new Problem(TYPE_PREFIX + "malformed-json", "Malformed JSON", 400,
                e.getOriginalMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(new Problem(TYPE_PREFIX + "not-found", "Not found", 404, e.getMessage(), List.of()));
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
        // Quarkus refuses a Content-Type the endpoint does not consume before our reader sees it: the same fault as a
        // charset the reader refuses, so the same problem type.
        String kind = status.getStatusCode() == 415 ? "unsupported-media-type" : "http-" + status.getStatusCode();
        return Problem.response(new Problem(TYPE_PREFIX + kind, status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), List.of()));
    }

    /** "enrich.request.headline" → "headline": clients know the field, not our method names. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD
                    && node.getKind() != ElementKind.PARAMETER && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
