package news.wire.query.api;

import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code type} is stable per kind of error so clients can branch on it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Ingest and enrich use the same prefix, so a client that branches on a type works whichever service answered. */
    public static final String TYPE_PREFIX = "urn:problem:wire:";

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    /** A problem of one kind (the type without its prefix); errors sorted by field, so the same request reads the same. */
    public static Problem of(String kind, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail,
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }

    public static Problem of(String kind, String title, int status, String detail) {
        return of(kind, title, status, detail, List.of());
    }

    /**
     * A refusal Quarkus made before our code saw the request. A 415 gets the type ingest and enrich give a Content-Type
     * they refuse: it is the same fault to the client.
     */
    public static Problem ofStatus(Response.StatusType status, String detail) {
        String kind = status.getStatusCode() == 415 ? "unsupported-media-type" : "http-" + status.getStatusCode();
        return of(kind, status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** The fields the errors name, each once, for a detail line such as "Invalid value for: size, from". */
    public static String fieldNames(List<FieldError> errors) {
        return String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
