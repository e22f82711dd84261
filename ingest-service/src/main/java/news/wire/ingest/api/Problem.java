package news.wire.ingest.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code type} is stable per kind of error so clients can branch on it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    /** The last part of the type URN ({@code not-found} for {@code urn:problem:wire:not-found}), for meters. */
    @JsonIgnore
    public String shortType() {
        return type.substring(type.lastIndexOf(':') + 1);
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }
}
