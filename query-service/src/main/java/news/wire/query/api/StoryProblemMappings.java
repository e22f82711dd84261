package news.wire.query.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The story API's own refusals, in the same problem form and type as the rest of the API. */
public class StoryProblemMappings {

    @ServerExceptionMapper
    public Response invalid(InvalidStoryParameterException e) {
        return Problem.response(new Problem("urn:problem:wire:invalid-parameter", "Invalid parameter", 400,
                "Invalid value for: " + e.parameter(), List.of(new Problem.FieldError(e.parameter(), e.getMessage()))));
    }
}
