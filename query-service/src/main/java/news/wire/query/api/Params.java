package news.wire.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import news.wire.query.entities.EntityIdentity;
import news.wire.query.search.ArticleQuery;
import news.wire.query.search.InvalidParameterException;

/** Reads query parameters into values, naming the parameter when one cannot be read. */
final class Params {

    static final Set<String> ENTITY_TYPES = Set.copyOf(EntityIdentity.TYPES);
    static final Set<String> NUMBER_KINDS = Set.of("CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY");

    /**
     * The instants Elasticsearch's date fields can be asked about: a range bound outside the years 1 to 9999 made it
     * refuse the search, which came back as a 503 telling the client to try again.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Params() {
    }

    /** Start of a range: a date is its first instant (UTC), an ISO-8601 date-time with offset is itself. */
    static Instant start(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant start;
        try {
            start = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "not an ISO-8601 date (2026-11-16) or date-time with offset");
        }
        if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
            throw new InvalidParameterException(name, "must be in the years 1 to 9999");
        }
        return start;
    }

    /**
     * End of a range, exclusive: a date includes that whole day, a date-time is the first instant after it. The day
     * after 31 December 9999 is past what the index can be asked, so that day ends a millisecond early.
     */
    static Instant end(String name, String value) {
        Instant start = start(name, value);
        if (start == null || value.length() != 10) {
            return start;
        }
        Instant nextDay = start.plusSeconds(86_400);
        return nextDay.isAfter(LATEST) ? LATEST : nextDay;
    }

    /**
     * A whole number between min and max, the default when absent. Read here rather than by Quarkus, which answers a
     * parameter it cannot convert (size=ten, days=99999999999) with 404 Not Found, as if the path were wrong.
     */
    static int whole(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Refused as a number out of range is.
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max);
    }

    /** true or false; anything else is refused rather than read as false. */
    static boolean flag(String name, String value) {
        return choice(name, value, false, Map.of("true", true, "false", false), "must be true or false");
    }

    /** The choice a word names, ignoring case; {@code absent} when blank, and any other word refused. */
    static <T> T choice(String name, String value, T absent, Map<String, T> choices, String refusal) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        T chosen = choices.get(value.trim().toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new InvalidParameterException(name, refusal);
        }
        return chosen;
    }

    static void ordered(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException(toName, "must be after " + fromName);
        }
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new InvalidParameterException(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return upper;
    }

    static ArticleQuery.Interval interval(String value) {
        return choice("interval", value, ArticleQuery.Interval.DAY,
                Map.of("hour", ArticleQuery.Interval.HOUR, "day", ArticleQuery.Interval.DAY), "must be hour or day");
    }

    static Double number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "not a number");
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
