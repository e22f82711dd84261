package news.wire.ingest.feeds;

import java.util.List;

/** A feed registration with invalid or missing fields; each violation names the field, for a 400. */
public class InvalidFeedException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidFeedException(List<Violation> violations) {
        super("The feed registration has invalid or missing fields");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One invalid field of a registration. */
    public record Violation(String field, String message) {
    }
}
