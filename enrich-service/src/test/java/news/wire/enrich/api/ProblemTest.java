package news.wire.enrich.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aKindBecomesATypeUnderTheSharedPrefixAndFieldErrorsComeSortedByField() {
        Problem problem = Problem.of("invalid-request", "Invalid request", 400, "The request has invalid fields",
                List.of(new Problem.FieldError("title", "blank"), new Problem.FieldError("body", "too long")));
        assertEquals("urn:problem:wire:invalid-request", problem.type());
        assertEquals(List.of("body", "title"), problem.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aMediaTypeQuarkusRefusesIsTheSameFaultAsOneOurReaderRefuses() {
        assertEquals("urn:problem:wire:unsupported-media-type",
                Problem.ofStatus(Response.Status.UNSUPPORTED_MEDIA_TYPE, "no").type());
        assertEquals("urn:problem:wire:http-405", Problem.ofStatus(Response.Status.METHOD_NOT_ALLOWED, "no").type());
    }
}
