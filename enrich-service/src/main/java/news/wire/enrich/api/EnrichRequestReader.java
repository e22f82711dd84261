package news.wire.enrich.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads the body of POST /v1/enrich strictly. Quarkus's own reading decodes overlong UTF-8 (C0 AF as '/'), ignores
 * what follows the JSON object, takes a body without Content-Type or with any charset, and holds bodies of up to
 * 10 MB, which the entity tagger then works through for minutes on a request thread.
 */
@ApplicationScoped
public class EnrichRequestReader {

    /** The largest article ingest-service accepts: a preview never needs more. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Years an ISO 8601 date-time writes with four digits; the date rules resolve against them without overflow. */
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private final ObjectMapper json;
    private final Validator validator;

    public EnrichRequestReader(ObjectMapper json, Validator validator) {
        this.json = json.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.validator = validator;
    }

    public EnrichRequest read(InputStream body, String contentType) throws IOException {
        requireUtf8Json(contentType);
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw RefusedRequestException.tooLarge();
        }
        JsonNode document;
        try {
            document = json.readTree(decode(bytes));
        } catch (MismatchedInputException e) {
            // Jackson reports a second value after the object this way: the document is not one JSON value.
            throw new RefusedRequestException(Problem.malformedJson(e));
        }
        if (document == null || !document.isObject()) {
            throw RefusedRequestException.invalid("body", "must be a JSON object");
        }
        JsonNode published = document.get("publishedAt");
        if (published != null && published.isNumber()) {
            // Jackson would read seconds since 1970, and silently turn one too large into 1970 itself.
            throw RefusedRequestException.invalid("publishedAt", "must be an ISO 8601 date-time with an offset or a date");
        }
        EnrichRequest request = json.treeToValue(document, EnrichRequest.class);
        Set<ConstraintViolation<EnrichRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        OffsetDateTime at = request.publishedAt();
        if (at.getYear() < FIRST_YEAR || at.getYear() > LAST_YEAR) {
            throw RefusedRequestException.invalid("publishedAt",
                    "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return request;
    }

    /** JSON is UTF-8 (RFC 8259); a body labelled otherwise, or not labelled at all, is not ours to guess. */
    private static void requireUtf8Json(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw RefusedRequestException.unreadable("unsupported-media-type", 415,
                    "Content-Type application/json is required");
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "").toUpperCase(Locale.ROOT);
                if (!charset.equals("UTF-8") && !charset.equals("UTF8")) {
                    throw RefusedRequestException.unreadable("unsupported-media-type", 415,
                            "JSON is UTF-8; charset " + parameter[1].trim() + " is not accepted");
                }
            }
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw RefusedRequestException.unreadable("invalid-charset", 400, "The body is not valid UTF-8");
        }
    }
}
