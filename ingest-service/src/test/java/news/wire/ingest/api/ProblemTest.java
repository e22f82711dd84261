package news.wire.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aKindBecomesATypeUnderTheSharedPrefixAndFieldErrorsComeSortedByField() {
        Problem problem = Problem.of("invalid-parameter", "Invalid parameter", 400, "Invalid value for: size, from",
                List.of(new Problem.FieldError("size", "too big"), new Problem.FieldError("from", "not a date")));
        assertEquals("urn:problem:wire:invalid-parameter", problem.type());
        assertEquals("invalid-parameter", problem.shortType());
        assertEquals(List.of("from", "size"), problem.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals("from, size", Problem.fieldNames(problem.errors()));
    }

    @Test
    void aMediaTypeQuarkusRefusesIsTheSameFaultAsOneOurReadersRefuse() {
        assertEquals("urn:problem:wire:unsupported-media-type",
                Problem.ofStatus(Response.Status.UNSUPPORTED_MEDIA_TYPE, "no").type());
        Problem notAllowed = Problem.ofStatus(Response.Status.METHOD_NOT_ALLOWED, "no");
        assertEquals("urn:problem:wire:http-405", notAllowed.type());
        assertEquals(405, notAllowed.status());
        assertEquals("Method Not Allowed", notAllowed.title());
    }
}
