package news.wire.ingest.formats;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads wire copy in any supported format, chosen by its Content-Type, into one wire item. */
@ApplicationScoped
public class WireFormats {

    private static final Set<String> XML_TYPES = Set.of(
            "application/xml", "text/xml", "application/nitf+xml",
            "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml");

    private final WireText text = new WireText();
    private final SafeXml xml = new SafeXml();
    private final NinjsReader ninjs;
    private final NitfReader nitf = new NitfReader();
    private final NewsMlG2Reader newsMl = new NewsMlG2Reader();
    private final PlainTextReader plain = new PlainTextReader();
    private final HtmlPageReader page = new HtmlPageReader();

    public WireFormats(NinjsReader ninjs) {
        this.ninjs = ninjs;
    }

    /** Whether the Content-Type is plain JSON, which is either ninjs or the API's own simple form. */
    public boolean isJson(String contentType) {
        return "application/json".equals(ContentType.parse(contentType).essence());
    }

    /** Decodes JSON strictly in its declared charset (invalid bytes are refused, never replaced) and parses it. */
    public JsonNode readJsonTree(byte[] content, String contentType) {
        return ninjs.parse(text.decode(content, ContentType.parse(contentType).charset()));
    }

    /**
     * Reads one item in any format but plain JSON, which callers read with {@link #readJsonTree} to tell ninjs from
     * the API's own form.
     *
     * @param content the request body as received
     * @param contentType the full Content-Type header, e.g. {@code application/nitf+xml; charset=ISO-8859-1}
     * @throws WireFormatException when the format is unsupported, the bytes or markup are malformed, or the item
     *         lacks a headline or body
     */
    public WireItem read(byte[] content, String contentType) {
        ContentType type = ContentType.parse(contentType);
        WireItem item = switch (type.essence()) {
            case "application/ninjs+json" -> ninjs.read(text.decode(content, type.charset()));
            case "text/plain" -> plain.read(text.decode(content, type.charset()));
            case "text/html" -> page.read(text.decodeHtml(content, type.charset()));
            default -> {
                if (!XML_TYPES.contains(type.essence())) {
                    throw new WireFormatException("unsupported-media-type", "Content-Type " + type.essence()
                            + " is not supported; send ninjs, NITF, NewsML-G2, plain text or HTML");
                }
                yield readXml(content, type);
            }
        };
        return complete(item);
    }

    /** Reads a parsed ninjs item (the API parses JSON once to tell ninjs from its own form). */
    public WireItem readNinjs(JsonNode item) {
        return complete(ninjs.read(item));
    }

    /** Every XML type is routed by its root element, so a feed that labels NITF as plain XML still works. */
    private WireItem readXml(byte[] content, ContentType type) {
        Element root = xml.parse(text.decodeXml(content, type.charset())).getDocumentElement();
        return switch (root.getLocalName()) {
            case "nitf" -> nitf.read(root);
            case "newsItem", "newsMessage" -> newsMl.read(root);
            default -> throw new WireFormatException("unsupported-media-type",
                    "XML with root element <" + root.getLocalName() + "> is neither NITF nor NewsML-G2");
        };
    }

    /**
     * A usable item needs a headline and a body. A kill may be bare (ninjs and NewsML-G2 cancellations often carry
     * only the id), as long as the id says which item it withdraws.
     */
    private static WireItem complete(WireItem item) {
        boolean bareKill = item.pubStatus() == WireItem.PubStatus.WITHDRAWN && item.sourceItemId() != null;
        if (bareKill) {
            return item;
        }
        if (item.headline() == null) {
            throw new WireFormatException("missing-field", "The item has no headline");
        }
        if (item.body() == null) {
            throw new WireFormatException("missing-field", "The item has no body");
        }
        return item;
    }
}
