package news.wire.ingest.api;

import java.util.List;

import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.UnknownItemException;
import news.wire.ingest.security.NotAuthenticatedException;
import news.wire.ingest.security.WrongSourceException;
import news.wire.servicekit.FieldNames;
import news.wire.servicekit.Problem;

/**
 * The problem document for each way an article can be refused, shared by single requests and by the lines
 * of a batch so both report the same {@code type} for the same fault.
 */
final class ArticleProblems {

    private ArticleProblems() {
    }

    static Problem invalid(ConstraintViolationException e) {
        return Problem.of("invalid-article", "Invalid article", 400, "The article has invalid or missing fields",
                e.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(FieldNames.of(v), v.getMessage())).toList());
    }

    static Problem invalid(InvalidItemException e) {
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        return Problem.of("invalid-article", "Invalid article", 400,
                "The article has invalid fields: " + Problem.fieldNames(errors), errors);
    }

    /** Well-formed JSON with a value of the wrong shape, such as a date that is not ISO 8601. */
    static Problem mismatched(MismatchedInputException e) {
        String field = FieldNames.of(e);
        return Problem.of("invalid-article", "Invalid article", 400, "Field " + field + " has an invalid value",
                List.of(new Problem.FieldError(field, e.getOriginalMessage())));
    }

    static Problem malformed(JsonProcessingException e) {
        return Problem.malformedJson(e);
    }

    static Problem unreadable(WireFormatException e) {
        int status = "unsupported-media-type".equals(e.kind()) ? 415 : 400;
        return Problem.of(e.kind(), "Unreadable article", status, e.getMessage());
    }

    static Problem tooLarge(TooLargeException e) {
        return Problem.of("too-large", "Article too large", 413, e.getMessage());
    }

    static Problem unauthenticated(NotAuthenticatedException e) {
        return Problem.of("unauthenticated", "Not authenticated", 401, e.getMessage());
    }

    static Problem wrongSource(WrongSourceException e) {
        return Problem.of("wrong-source", "Wrong source", 403, e.getMessage());
    }

    static Problem unknownItem(UnknownItemException e) {
        return Problem.of("unknown-item", "Unknown item", 404, e.getMessage());
    }

    /** The problem for any failure of one article; what is not the article's fault says to retry. */
    static Problem of(Exception e) {
        if (e instanceof ConstraintViolationException v) {
            return invalid(v);
        }
        if (e instanceof InvalidItemException i) {
            return invalid(i);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatched(m);
        }
        if (e instanceof JsonProcessingException j) {
            return malformed(j);
        }
        if (e instanceof WireFormatException w) {
            return unreadable(w);
        }
        if (e instanceof TooLargeException t) {
            return tooLarge(t);
        }
        if (e instanceof UnknownItemException u) {
            return unknownItem(u);
        }
        if (e instanceof WrongSourceException w) {
            return wrongSource(w);
        }
        return Problem.of("not-stored", "Not stored", 503,
                "The article could not be stored (" + e.getClass().getSimpleName() + "); send it again");
    }
}
