package news.wire.enrich.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * Reads the preview's {@code publishedAt}: an ISO 8601 date-time with an offset, or a date alone ("2024-05-02"), which
 * is what people paste from a dateline or a corpus and is taken as that day's start in UTC, the wire's own clock. A
 * date-time without an offset stays refused: its hour would be guessed.
 */
public class PublicationTimeDeserializer extends JsonDeserializer<OffsetDateTime> {

    private static final Pattern DATE_ONLY = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().trim();
        try {
            if (DATE_ONLY.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw context.weirdStringException(text, OffsetDateTime.class,
                    "must be an ISO 8601 date-time with an offset (2024-05-02T09:30:00Z) or a date (2024-05-02)");
        }
    }
}
