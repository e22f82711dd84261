package news.wire.ingest.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.wire.ingest.formats.NinjsReader;
import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.formats.WireFormats;
import news.wire.ingest.formats.WireItem;
import news.wire.ingest.intake.ArticleSubmission;
import news.wire.ingest.intake.InvalidItemException;
import news.wire.ingest.intake.ItemLimits;

/** Turns one submitted document (a request body or a batch line) into a wire item, whatever its format. */
@ApplicationScoped
public class SubmissionReader {

    private final ObjectMapper json;
    private final Validator validator;
    private final WireFormats formats;
    private final NinjsReader ninjs;
    private final ItemLimits limits;

    public SubmissionReader(ObjectMapper json, Validator validator, WireFormats formats, NinjsReader ninjs,
                            ItemLimits limits) {
        this.json = json;
        this.validator = validator;
        this.formats = formats;
        this.ninjs = ninjs;
        this.limits = limits;
    }

    /**
     * What the request says about an item when its format does not: the outlet (plain text has none) and the
     * publication time (defaults to the time of receipt).
     */
    public record Defaults(String source, String publishedAt) {
    }

    /** Reads a document of any supported Content-Type. */
    public WireItem read(byte[] content, String contentType, Defaults defaults) throws JsonProcessingException {
        if (contentType == null || contentType.isBlank()) {
            throw new WireFormatException("unsupported-media-type", "A Content-Type header is required");
        }
        WireItem item = formats.isJson(contentType)
                ? readJson(formats.readJsonTree(content, contentType))
                : formats.read(content, contentType);
        return withDefaults(item, defaults);
    }

    /** Reads one line of an NDJSON batch: our simple form or ninjs, in UTF-8; the key's source fills a gap. */
    public WireItem readJsonLine(byte[] line, String keySource) throws JsonProcessingException {
        return withDefaults(readJson(formats.readJsonTree(line, "application/json")), new Defaults(keySource, null));
    }

    private WireItem readJson(JsonNode document) throws JsonProcessingException {
        if (document == null || !document.isObject()) {
            throw new WireFormatException("malformed-json", "An article must be a JSON object");
        }
        if (ninjs.looksLikeNinjs(document)) {
            // Through the same completeness check as every other format: a ninjs item without headline or body
            // must be refused here, not fail in intake.
            return formats.readNinjs(document);
        }
        refuseNumericTimes(document);
        ArticleSubmission submission = json.treeToValue(document, ArticleSubmission.class);
        Set<ConstraintViolation<ArticleSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return submission.toWireItem();
    }

    /**
     * Jackson would read a number as seconds since 1970, and silently turn one too large into 1970 itself; the form's
     * times are ISO 8601 text.
     */
    private static void refuseNumericTimes(JsonNode document) {
        for (String field : new String[] {"publishedAt", "embargoedUntil"}) {
            JsonNode value = document.get(field);
            if (value != null && value.isNumber()) {
                throw new InvalidItemException(List.of(new InvalidItemException.Violation(field,
                        "must be an ISO 8601 date-time with an offset, e.g. 2026-11-20T08:30:00Z")));
            }
        }
    }

    private WireItem withDefaults(WireItem item, Defaults defaults) {
        String source = item.source() != null ? item.source() : defaults.source();
        if (source == null || source.isBlank()) {
            throw new WireFormatException("missing-field",
                    "The item names no source: pass ?source=... or an X-Source header");
        }
        Instant publishedAt = item.publishedAt();
        if (publishedAt == null && defaults.publishedAt() != null) {
            try {
                publishedAt = OffsetDateTime.parse(defaults.publishedAt()).toInstant();
            } catch (DateTimeParseException e) {
                throw new WireFormatException("invalid-date", "publishedAt must be ISO 8601 with an offset, e.g. "
                        + "2026-11-20T08:30:00Z: " + defaults.publishedAt());
            }
        }
        WireItem complete = new WireItem(item.sourceItemId(), item.providerVersion(), source.strip(), item.headline(),
                item.body(), item.language(), publishedAt, item.versionCreated(), item.byline(), item.subjects(),
                item.people(), item.organisations(), item.places(), item.pubStatus(), item.embargoedUntil());
        limits.check(complete);
        return complete;
    }
}
