package news.wire.ingest.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.UnknownItemException;
import news.wire.ingest.security.NotAuthenticatedException;
import news.wire.ingest.security.RateLimitedException;
import news.wire.ingest.security.WrongSourceException;

/**
 * The problem document for each way an article can be refused, shared by single requests and by the lines
 * of a batch so both report the same {@code type} for the same fault.
 */
final class ArticleProblems {

    /** Which problem each refusal is; the first rule whose type fits wins, so a subtype's rule stands before its parent's. */
    private static final List<Rule<?>> RULES = List.of(
            new Rule<>(ConstraintViolationException.class, e -> Problem.of("invalid-article", "Invalid article", 400,
                    "The article has invalid or missing fields", e.getConstraintViolations().stream()
                            .map(v -> new Problem.FieldError(FieldNames.of(v), v.getMessage())).toList())),
            new Rule<>(InvalidItemException.class, ArticleProblems::invalid),
            new Rule<>(MismatchedInputException.class, ArticleProblems::mismatched),
            new Rule<>(JsonProcessingException.class, Problem::malformedJson),
            new Rule<>(WireFormatException.class, e -> Problem.of(e.kind(), "Unreadable article",
                    "unsupported-media-type".equals(e.kind()) ? 415 : 400, e.getMessage())),
            new Rule<>(TooLargeException.class, e -> Problem.of("too-large", "Article too large", 413, e.getMessage())),
            new Rule<>(NotAuthenticatedException.class,
                    e -> Problem.of("unauthenticated", "Not authenticated", 401, e.getMessage())),
            new Rule<>(WrongSourceException.class, e -> Problem.of("wrong-source", "Wrong source", 403, e.getMessage())),
            new Rule<>(RateLimitedException.class, e -> Problem.of("rate-limited", "Rate limited", 429, e.getMessage())),
            new Rule<>(UnknownItemException.class, e -> Problem.of("unknown-item", "Unknown item", 404, e.getMessage())));

    private ArticleProblems() {
    }

    /**
     * The problem for any failure of one article, for the answer to a request, a batch line and the meters alike;
     * what is not the article's fault says to retry.
     */
    static Problem of(Throwable e) {
        return RULES.stream().flatMap(rule -> rule.problem(e).stream()).findFirst()
                .orElseGet(() -> Problem.of("not-stored", "Not stored", 503,
                        "The article could not be stored (" + e.getClass().getSimpleName() + "); send it again"));
    }

    private static Problem invalid(InvalidItemException e) {
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        return Problem.of("invalid-article", "Invalid article", 400,
                "The article has invalid fields: " + Problem.fieldNames(errors), errors);
    }

    /** Well-formed JSON with a value of the wrong shape, such as a date that is not ISO 8601. */
    private static Problem mismatched(MismatchedInputException e) {
        String field = FieldNames.of(e);
        return Problem.of("invalid-article", "Invalid article", 400, "Field " + field + " has an invalid value",
                List.of(new Problem.FieldError(field, e.getOriginalMessage())));
    }

    private record Rule<E extends Throwable>(Class<E> type, Function<E, Problem> problem) {

        Optional<Problem> problem(Throwable e) {
            return type.isInstance(e) ? Optional.of(problem.apply(type.cast(e))) : Optional.empty();
        }
    }
}
