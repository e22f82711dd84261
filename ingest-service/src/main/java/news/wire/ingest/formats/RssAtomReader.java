package news.wire.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document into one wire item per entry. Items carry no source
 * (a feed names its outlet only at registration) and may lack a headline or body: the caller decides what to skip.
 */
public class RssAtomReader {

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    /** The width of article.source_item_id; longer guids (tracking-laden links) are kept stable as a hash. */
    private static final int MAX_ITEM_ID = 500;

    private final HtmlText html = new HtmlText();

    /**
     * Reads a feed document.
     *
     * @param content the document as fetched
     * @param contentType the Content-Type header it came with, or null; its charset wins over the XML declaration
     * @throws WireFormatException when the document is not XML, declares a DTD, or is neither RSS nor Atom
     */
    public List<WireItem> read(byte[] content, String contentType) {
        SyndFeed feed = parse(content, contentType);
        String language = language(feed.getLanguage());
        List<WireItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry, language));
        }
        return items;
    }

    private static SyndFeed parse(byte[] content, String contentType) {
        SyndFeedInput input = new SyndFeedInput();
        // Rome 2.x refuses DOCTYPEs by default (and never resolves external entities); said here so that no
        // upgrade or refactoring quietly lets a feed make us fetch URLs or expand entity bombs.
        input.setAllowDoctypes(false);
        // Lenient: feeds mislabel their charset all the time, and a wrong label is no reason to miss the news.
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(content), true, StandardCharsets.UTF_8.name())
                : new XmlReader(new ByteArrayInputStream(content), contentType, true)) {
            return input.build(reader);
        } catch (FeedException e) {
            if (mentionsDoctype(e)) {
                throw new WireFormatException("dtd-refused", "A feed with a DOCTYPE is refused: feeds need no DTD, "
                        + "and DTDs carry external and recursive entities", e);
            }
            throw new WireFormatException("malformed-xml", "Not a readable RSS or Atom feed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Rome's answer to well-formed XML that is neither RSS nor Atom.
            throw new WireFormatException("not-a-feed", "The document is neither RSS nor Atom: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WireFormatException("invalid-charset", "The feed's encoding cannot be read: " + e.getMessage(), e);
        }
    }

    private WireItem item(SyndEntry entry, String language) {
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        return new WireItem(
                itemId(entry),
                null,
                null,
                headline(entry.getTitle()),
                body(entry),
                language,
                published != null ? published : updated,
                updated,
                byline(entry),
                // Feed categories are free words more often than codes of a scheme: names.
                SubjectCodes.distinct(entry.getCategories().stream()
                        .map(category -> SubjectCodes.of(null, null, category.getName())).toList()),
                List.of(),
                List.of(),
                List.of(),
                WireItem.PubStatus.USABLE,
                null);
    }

    /** Titles are plain text by the RSS spec and escaped HTML in practice: decoding covers both. */
    private String headline(String title) {
        return title == null ? null : CleanText.inline(html.toText(title));
    }

    /** Full text (content:encoded, Atom content) when the feed carries it, else the description or summary. */
    private String body(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String text = text(content);
            if (text != null) {
                return text;
            }
        }
        return text(entry.getDescription());
    }

    private String text(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        // Atom type="text" is literal: a "<" in it is a less-than sign, and blank lines mark paragraphs.
        return type.equals("text") || type.equals("text/plain")
                ? CleanText.wrappedParagraphs(content.getValue())
                : html.toText(content.getValue());
    }

    private static String byline(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndPerson person : entry.getAuthors()) {
            names.add(person.getName());
        }
        List<String> clean = CleanText.names(names);
        if (!clean.isEmpty()) {
            return String.join("; ", clean);
        }
        return CleanText.inline(entry.getAuthor());
    }

    /** The entry's guid (RSS) or id (Atom), which Rome calls its URI; the link when it has neither. */
    private static String itemId(SyndEntry entry) {
        String id = CleanText.inline(entry.getUri());
        if (id == null) {
            id = CleanText.inline(entry.getLink());
        }
        if (id == null || id.length() <= MAX_ITEM_ID) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String language(String language) {
        String clean = CleanText.inline(language);
        return clean != null && clean.length() <= 35 && LANGUAGE.matcher(clean).matches() ? clean : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean mentionsDoctype(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("DOCTYPE")) {
                return true;
            }
        }
        return false;
    }
}
