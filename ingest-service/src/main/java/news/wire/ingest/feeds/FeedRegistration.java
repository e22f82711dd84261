package news.wire.ingest.feeds;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request to poll a feed, as posted to {@code POST /v1/feeds}. Every field is text so that a wrong value is
 * reported against its field, never as unreadable JSON; JSON numbers are accepted where text is expected.
 *
 * @param url the feed's http or https URL
 * @param source the outlet the feed's items are credited to
 * @param format rss, atom or ninjs; when absent, JSON is read as ninjs and anything else as RSS or Atom
 * @param pollInterval an ISO-8601 duration ({@code PT1M}) or a number of seconds
 */
public record FeedRegistration(String url, String source, String format, String pollInterval) {

    static final int MAX_URL = 2_000;
    static final int MAX_SOURCE = 200;
    /** A feed polled less often than daily is not a live feed, and it keeps back-off arithmetic far from overflow. */
    static final Duration MAX_INTERVAL = Duration.ofDays(1);

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

    /** A registration whose every field was checked, with defaults applied. */
    public record Checked(String url, String source, FeedFormat format, Duration pollInterval) {
    }

    /**
     * Checks every field and reports all that are wrong at once.
     *
     * @throws InvalidFeedException naming each invalid field
     */
    public Checked check(Duration minInterval, Duration defaultInterval) {
        List<InvalidFeedException.Violation> violations = new ArrayList<>();
        String checkedUrl = checkUrl(violations);
        String checkedSource = source == null ? null : source.strip();
        if (checkedSource == null || checkedSource.isEmpty()) {
            violations.add(new InvalidFeedException.Violation("source", "must not be blank"));
        } else if (checkedSource.length() > MAX_SOURCE) {
            violations.add(new InvalidFeedException.Violation("source", "must be at most " + MAX_SOURCE + " characters"));
        } else if (checkedSource.chars().anyMatch(Character::isISOControl)) {
            // PostgreSQL cannot store NUL, and a line break would forge lines in the poller's log.
            violations.add(new InvalidFeedException.Violation("source", "must not contain control characters"));
        }
        FeedFormat checkedFormat = format == null || format.isBlank() ? FeedFormat.AUTO : FeedFormat.byLabel(format);
        if (checkedFormat == null) {
            violations.add(new InvalidFeedException.Violation("format", "must be one of rss, atom, ninjs"));
        }
        Duration interval = checkInterval(minInterval, defaultInterval, violations);
        if (!violations.isEmpty()) {
            throw new InvalidFeedException(violations);
        }
        return new Checked(checkedUrl, checkedSource, checkedFormat, interval);
    }

    private String checkUrl(List<InvalidFeedException.Violation> violations) {
        String candidate = url == null ? "" : url.strip();
        String problem = null;
        if (candidate.isEmpty()) {
            problem = "must not be blank";
        } else if (candidate.length() > MAX_URL) {
            problem = "must be at most " + MAX_URL + " characters";
        } else {
            try {
                URI uri = new URI(candidate);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    // file:, ftp:, jar: and friends would let a registration read the server's own disk or more.
                    problem = "must be an http or https URL";
                } else if (uri.getHost() == null) {
                    problem = "must name a host";
                }
            } catch (URISyntaxException e) {
                problem = "is not a valid URL: " + e.getReason();
            }
        }
        if (problem != null) {
            violations.add(new InvalidFeedException.Violation("url", problem));
        }
        return candidate;
    }

    private Duration checkInterval(Duration minInterval, Duration defaultInterval,
                                   List<InvalidFeedException.Violation> violations) {
        if (pollInterval == null || pollInterval.isBlank()) {
            return defaultInterval;
        }
        String value = pollInterval.strip();
        Duration interval;
        try {
            interval = SECONDS.matcher(value).matches()
                    ? Duration.ofNanos(new BigDecimal(value).movePointRight(9).longValueExact())
                    : Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            violations.add(new InvalidFeedException.Violation("pollInterval",
                    "must be an ISO-8601 duration such as PT1M, or a number of seconds"));
            return null;
        }
        if (interval.compareTo(minInterval) < 0) {
            violations.add(new InvalidFeedException.Violation("pollInterval", "must be at least " + minInterval));
        } else if (interval.compareTo(MAX_INTERVAL) > 0) {
            violations.add(new InvalidFeedException.Violation("pollInterval", "must be at most " + MAX_INTERVAL));
        }
        return interval;
    }
}
