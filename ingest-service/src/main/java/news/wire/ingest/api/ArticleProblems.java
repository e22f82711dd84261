package news.wire.ingest.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.UnknownItemException;
import news.wire.ingest.security.NotAuthenticatedException;
import news.wire.ingest.security.WrongSourceException;

/**
 * The problem document for each way an article can be refused, shared by single requests and by the lines
 * of a batch so both report the same {@code type} for the same fault.
 */
final class ArticleProblems {

    static final String TYPE_PREFIX = "urn:problem:wire:";

    private ArticleProblems() {
    }

    static Problem invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem(TYPE_PREFIX + "invalid-article", "Invalid article", 400,
                "The article has invalid or missing fields", errors);
    }

    static Problem invalid(InvalidItemException e) {
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem(TYPE_PREFIX + "invalid-article", "Invalid article", 400,
                "The article has invalid fields: " + String.join(", ",
                        errors.stream().map(Problem.FieldError::field).distinct().toList()), errors);
    }

    /** Well-formed JSON with a value of the wrong shape, such as a date that is not ISO 8601. */
    static Problem mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        return new Problem(TYPE_PREFIX + "invalid-article", "Invalid article", 400,
                "Field " + field + " has an invalid value", List.of(new Problem.FieldError(field, e.getOriginalMessage())));
    }

    static Problem malformed(JsonProcessingException e) {
        return new Problem(TYPE_PREFIX + "malformed-json", "Malformed JSON", 400, e.getOriginalMessage(), List.of());
    }

    static Problem unreadable(WireFormatException e) {
        int status = "unsupported-media-type".equals(e.kind()) ? 415 : 400;
        return new Problem(TYPE_PREFIX + e.kind(), "Unreadable article", status, e.getMessage(), List.of());
    }

    static Problem tooLarge(TooLargeException e) {
        return new Problem(TYPE_PREFIX + "too-large", "Article too large", 413, e.getMessage(), List.of());
    }

    static Problem unauthenticated(NotAuthenticatedException e) {
        return new Problem(TYPE_PREFIX + "unauthenticated", "Not authenticated", 401, e.getMessage(), List.of());
    }

    static Problem wrongSource(WrongSourceException e) {
        return new Problem(TYPE_PREFIX + "wrong-source", "Wrong source", 403, e.getMessage(), List.of());
    }

    static Problem unknownItem(UnknownItemException e) {
        return new Problem(TYPE_PREFIX + "unknown-item", "Unknown item", 404, e.getMessage(), List.of());
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
        return new Problem(TYPE_PREFIX + "not-stored", "Not stored", 503,
                "The article could not be stored (" + e.getClass().getSimpleName() + "); send it again", List.of());
    }

    /** "submit.submission.headline" → "headline": clients know the field, not our method names. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
