package news.wire.ingest.intake;

import java.util.List;

/** A wire item that was read but cannot be stored as it is; each violation names the field, for a 400. */
public class InvalidItemException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidItemException(List<Violation> violations) {
        super("The article has invalid fields");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One invalid field of an item. */
    public record Violation(String field, String message) {
    }
}
