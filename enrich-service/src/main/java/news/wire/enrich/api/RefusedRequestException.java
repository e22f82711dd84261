package news.wire.enrich.api;

/** A request the preview refuses before enriching it, with the problem document that says why. */
public class RefusedRequestException extends RuntimeException {

    private final transient Problem problem;

    RefusedRequestException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** A request field that the preview cannot use as sent. */
    static RefusedRequestException invalid(String field, String message) {
        return new RefusedRequestException(ProblemMappings.invalidField(field, message));
    }

    /** A body that is not what its Content-Type says; {@code kind} is the problem type's last part. */
    static RefusedRequestException unreadable(String kind, int status, String detail) {
        return new RefusedRequestException(Problem.of(kind, "Unreadable request", status, detail));
    }

    static RefusedRequestException tooLarge() {
        return new RefusedRequestException(ProblemMappings.tooLarge());
    }

    Problem problem() {
        return problem;
    }
}
