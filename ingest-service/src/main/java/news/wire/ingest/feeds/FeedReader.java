package news.wire.ingest.feeds;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import news.wire.ingest.formats.NinjsReader;
import news.wire.ingest.formats.RssAtomReader;
import news.wire.ingest.formats.WireFormatException;
import news.wire.ingest.formats.WireFormats;

/** Reads a fetched feed document into its entries, each one ready for intake or marked as skipped. */
@ApplicationScoped
public class FeedReader {

    private final RssAtomReader syndication = new RssAtomReader();
    private final NinjsReader ninjs;
    private final WireFormats formats;

    public FeedReader(NinjsReader ninjs, WireFormats formats) {
        this.ninjs = ninjs;
        this.formats = formats;
    }

    /**
     * Reads the document.
     *
     * @throws WireFormatException when the document as a whole is unreadable (the poll fails); a single bad
     *         entry is only skipped
     */
    public List<FeedEntry> read(byte[] content, String contentType, FeedFormat format, String feedSource) {
        FeedFormat actual = format == FeedFormat.AUTO && looksLikeJson(content) ? FeedFormat.NINJS : format;
        if (actual == FeedFormat.NINJS) {
            return ninjsEntries(content, feedSource);
        }
        return syndication.read(content, contentType).stream().map(item -> FeedEntry.of(item, feedSource)).toList();
    }

    private List<FeedEntry> ninjsEntries(byte[] content, String feedSource) {
        // JSON is UTF-8 by RFC 8259 (a byte-order mark still wins); feed servers' charset labels are often wrong.
        JsonNode root = formats.readJsonTree(content, "application/json");
        JsonNode items = root.isObject() ? root.get("items") : root;
        if (items == null || !items.isArray()) {
            throw new WireFormatException("not-ninjs",
                    "A ninjs feed is a JSON array of ninjs items, or an object with an \"items\" array");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode node : items) {
            if (!node.isObject()) {
                entries.add(FeedEntry.skipped("not a JSON object"));
                continue;
            }
            try {
                entries.add(FeedEntry.of(ninjs.read(node), feedSource));
            } catch (WireFormatException e) {
                entries.add(FeedEntry.skipped(e.getMessage()));
            }
        }
        return entries;
    }

    /** A feed registered without a format is JSON exactly when its first character opens an array or object. */
    private static boolean looksLikeJson(byte[] content) {
        for (byte b : content) {
            char c = (char) (b & 0xFF);
            if (c == '{' || c == '[') {
                return true;
            }
            // Whitespace and a UTF-8 byte-order mark (EF BB BF) may come first.
            if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                return false;
            }
        }
        return false;
    }
}
