package news.wire.ingest.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.wire.ingest.intake.IntakeOutcome;

/** The answer for one line of an NDJSON batch: the article's id and outcome, or the problem with the line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchLineResult(long line, int status, UUID id, Integer version, IntakeOutcome outcome, Problem problem) {
}
