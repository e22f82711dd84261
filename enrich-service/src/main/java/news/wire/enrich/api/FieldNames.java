package news.wire.enrich.api;

import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The name a client knows a request field by, from a failure that names it in Java's or the parser's terms. */
public final class FieldNames {

    private FieldNames() {
    }

    /** "submit.submission.headline" → "headline": clients know the field, not our method and parameter names. */
    public static String of(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER
                        && node.getName() != null)
                .map(Path.Node::getName).reduce((a, b) -> a + "." + b).orElse("body");
    }

    /** The JSON path of a value of the wrong shape, such as {@code subjects.[2].code}. */
    public static String of(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
    }
}
