package news.wire.query.watches;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * A watch's matches as an Atom 1.0 feed (ROME writes it), newest first: one entry a match, its id the matchId (so a
 * reader shows an update as a new entry and never one match twice), linking to the article's record.
 */
public final class WatchFeed {

    private WatchFeed() {
    }

    /** The feed document; {@code base} is the service's address as the client reached it. */
    public static String atom(Watch watch, List<WatchMatch> newestFirst, URI base) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri("urn:wire:watch:" + watch.id());
        feed.setTitle("Watch: " + watch.name());
        feed.setLink(base.resolve("v1/watches/" + watch.id() + "/feed").toString());
        feed.setAuthor("wire pipeline query-service");
        Instant updated = newestFirst.isEmpty() ? watch.updatedAt() : newestFirst.get(0).matchedAt();
        feed.setPublishedDate(Date.from(updated));
        List<SyndEntry> entries = new ArrayList<>(newestFirst.size());
        for (WatchMatch m : newestFirst) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:wire:match:" + m.matchId());
            String headline = m.headline() == null ? m.articleId() : m.headline();
            entry.setTitle(WatchMatch.MATCHED.equals(m.kind()) ? headline : headline + " [" + m.kind() + "]");
            entry.setLink(base.resolve("v1/articles/" + m.articleId()).toString());
            entry.setUpdatedDate(Date.from(m.matchedAt()));
            Instant published = instant(m.publishedAt());
            entry.setPublishedDate(Date.from(published == null ? m.matchedAt() : published));
            if (m.source() != null) {
                entry.setAuthor(m.source());
            }
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(m.kind() + ": article " + m.articleId() + " version " + m.version()
                    + (m.source() == null ? "" : " from " + m.source()));
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed of watch " + watch.id() + " not written", e);
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
