package news.wire.ingest.intake;

/** The article a submission resolved to, and what intake did. */
public record IntakeResult(Article article, IntakeOutcome outcome) {
}
