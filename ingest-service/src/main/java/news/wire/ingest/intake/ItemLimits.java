package news.wire.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import news.wire.ingest.formats.ProviderSubject;
import news.wire.ingest.formats.WireItem;

/**
 * What every item must satisfy to be stored and published, whatever format it came in: the limits of its database
 * columns and of the article.raw/v1 contract, text PostgreSQL and Kafka can carry unchanged, and times a newsroom
 * could mean. Checked before intake, so an item that breaks one is a 400 naming the field rather than a failed
 * insert reported as a server error (and retried by the client for ever).
 */
@ApplicationScoped
public class ItemLimits {

    /** The simple form's limit, applied to every format so a headline means the same everywhere. */
    public static final int MAX_HEADLINE = 1_000;
    public static final int MAX_BYLINE = 1_000;
    /** Column sizes (article.source, source_item_id, language) and the contract's maxLength. */
    public static final int MAX_SOURCE = 200;
    public static final int MAX_SOURCE_ITEM_ID = 500;
    public static final int MAX_LANGUAGE = 35;
    /**
     * A subject's code, name or scheme, or a tagged name: the contract's maxLength, and far below the longest term
     * Elasticsearch indexes (32,766 bytes), where query-service files subjects.
     */
    public static final int MAX_TAG = 1_000;

    /** Older than any news agency (Havas, the first, opened in 1835): such a date is a mistake, not an archive. */
    static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    /**
     * Some slack for providers' clocks; a publication time further ahead would pin the article to the top of every
     * newest-first list until that day comes.
     */
    static final Duration PUBLISHED_AHEAD = Duration.ofDays(1);
    /** Embargoes are hours or days; one beyond a year is a typo that would hold the article back for good. */
    static final Duration EMBARGO_AHEAD = Duration.ofDays(366);

    private final Clock clock;

    public ItemLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws InvalidItemException naming every field that breaks a limit
     */
    public void check(WireItem item) {
        List<InvalidItemException.Violation> violations = new ArrayList<>();
        line(violations, "headline", item.headline(), MAX_HEADLINE);
        line(violations, "source", item.source(), MAX_SOURCE);
        line(violations, "sourceItemId", item.sourceItemId(), MAX_SOURCE_ITEM_ID);
        line(violations, "language", item.language(), MAX_LANGUAGE);
        line(violations, "byline", item.byline(), MAX_BYLINE);
        text(violations, "body", item.body());
        subjects(violations, item.subjects());
        names(violations, "people", item.people());
        names(violations, "organisations", item.organisations());
        names(violations, "places", item.places());
        Instant now = Instant.now(clock);
        time(violations, "publishedAt", item.publishedAt(), now.plus(PUBLISHED_AHEAD));
        time(violations, "embargoedUntil", item.embargoedUntil(), now.plus(EMBARGO_AHEAD));
        time(violations, "versionCreated", item.versionCreated(), now.plus(PUBLISHED_AHEAD));
        if (!violations.isEmpty()) {
            throw new InvalidItemException(violations);
        }
    }

    /** A one-line field: no control character at all (a line break in a source name forges log lines). */
    private static void line(List<InvalidItemException.Violation> violations, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            violations.add(new InvalidItemException.Violation(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            violations.add(new InvalidItemException.Violation(field, "must not contain control characters"));
        } else if (hasUnpairedSurrogate(value)) {
            violations.add(new InvalidItemException.Violation(field, "must be valid Unicode (unpaired surrogate)"));
        }
    }

    private static void subjects(List<InvalidItemException.Violation> violations, List<ProviderSubject> subjects) {
        for (int i = 0; i < subjects.size(); i++) {
            ProviderSubject subject = subjects.get(i);
            line(violations, "subjects[" + i + "].code", subject.code(), MAX_TAG);
            line(violations, "subjects[" + i + "].name", subject.name(), MAX_TAG);
            line(violations, "subjects[" + i + "].scheme", subject.scheme(), MAX_TAG);
        }
    }

    private static void names(List<InvalidItemException.Violation> violations, String field, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            line(violations, field + "[" + i + "]", names.get(i), MAX_TAG);
        }
    }

    /**
     * Body text: tabs and line breaks are layout, other control characters are not text (and PostgreSQL cannot
     * store NUL at all). Formats read from markup have had them removed already; this catches our own JSON form.
     */
    private static void text(List<InvalidItemException.Violation> violations, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            violations.add(new InvalidItemException.Violation(field,
                    "must not contain control characters other than tab and line breaks"));
        } else if (hasUnpairedSurrogate(value)) {
            violations.add(new InvalidItemException.Violation(field, "must be valid Unicode (unpaired surrogate)"));
        }
    }

    private static void time(List<InvalidItemException.Violation> violations, String field, Instant value,
                             Instant latest) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(latest))) {
            violations.add(new InvalidItemException.Violation(field,
                    "must be between " + EARLIEST + " and " + latest + ", not " + value));
        }
    }

    /** UTF-8 cannot encode a lone surrogate: the database and Kafka would store '?' in its place. */
    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
