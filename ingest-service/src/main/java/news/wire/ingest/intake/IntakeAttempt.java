package news.wire.ingest.intake;

/** The result of one item of a group: what intake did, or why it could not take the item. */
public record IntakeAttempt(IntakeResult result, RuntimeException failure) {

    static IntakeAttempt of(IntakeResult result) {
        return new IntakeAttempt(result, null);
    }

    static IntakeAttempt failed(RuntimeException failure) {
        return new IntakeAttempt(null, failure);
    }
}
