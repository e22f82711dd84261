package news.wire.ingest.api;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.formats.WireItem;
import news.wire.ingest.intake.ArticleSubmission;

/** Turns one submitted document (a request body or a batch line) into a wire item, whatever its format. */
@ApplicationScoped
public class SubmissionReader {

    private final ObjectMapper json;
    private final Validator validator;

    public SubmissionReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Reads our simple JSON form; invalid fields raise a ConstraintViolationException naming each field. */
    public WireItem readJson(byte[] content) throws IOException {
        JsonNode document = json.readTree(content);
        if (document == null || !document.isObject()) {
            throw new WireFormatException("malformed-json", "An article must be a JSON object");
        }
        ArticleSubmission submission = json.treeToValue(document, ArticleSubmission.class);
        Set<ConstraintViolation<ArticleSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return submission.toWireItem();
    }
}
