package news.wire.ingest.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Where a feed server's redirect leads, and whether the poller may follow it at all. */
final class FeedRedirect {

    /** The hop limit: a redirect loop or a long chain is a broken feed, not one to chase. */
    static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private FeedRedirect() {
    }

    /**
     * The URL a response redirects to, or null when it is not a redirect. The target's host is checked by the
     * caller like any feed's, before anything connects to it.
     *
     * @throws FeedFetchException when the redirect cannot be followed: no or an invalid Location, a scheme other
     *         than http or https, or https to http (a feed must not silently lose its encryption)
     */
    static URI target(URI from, int status, String location) {
        if (!REDIRECTS.contains(status)) {
            return null;
        }
        if (location == null || location.isBlank()) {
            throw new FeedFetchException("HTTP " + status + " from the feed server without a Location", null);
        }
        URI target;
        try {
            target = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FeedFetchException("HTTP " + status + " redirect to an invalid URL: " + printable(location), e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedFetchException("Redirect to " + printable(target.toString())
                    + " not followed: only http and https are fetched", null);
        }
        if (scheme.equals("http") && "https".equalsIgnoreCase(from.getScheme())) {
            throw new FeedFetchException("Redirect from https to " + printable(target.toString())
                    + " not followed: a feed is never downgraded to http", null);
        }
        if (target.getHost() == null) {
            throw new FeedFetchException("Redirect to " + printable(target.toString()) + " not followed: no host", null);
        }
        return target;
    }

    /** A Location quoted in a poll's error, which is shown in the API and logged: short, and on one line. */
    static String printable(String text) {
        String line = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
