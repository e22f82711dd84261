package news.wire.ingest.formats;

import static news.wire.ingest.formats.XmlNodes.attr;
import static news.wire.ingest.formats.XmlNodes.child;
import static news.wire.ingest.formats.XmlNodes.children;
import static news.wire.ingest.formats.XmlNodes.path;
import static news.wire.ingest.formats.XmlNodes.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Element;

/** Reads an IPTC NewsML-G2 news item, standalone or inside a news message, into a wire item. */
public class NewsMlG2Reader {

    private final SafeXml xml = new SafeXml();
    private final HtmlText html = new HtmlText();
    private final NitfReader nitf = new NitfReader();

    /** Parses and reads a document holding exactly one news item. */
    public WireItem read(String document) {
        return read(xml.parse(document).getDocumentElement());
    }

    /** Parses and reads every news item of a document, in document order. */
    public List<WireItem> readAll(String document) {
        return newsItems(xml.parse(document).getDocumentElement()).stream().map(this::readItem).toList();
    }

    WireItem read(Element root) {
        List<Element> items = newsItems(root);
        if (items.size() != 1) {
            // Picking one item of several would silently drop the others.
            throw new WireFormatException("multiple-items",
                    "The newsMessage carries " + items.size() + " news items; send one per request");
        }
        return readItem(items.get(0));
    }

    private static List<Element> newsItems(Element root) {
        String name = root.getLocalName();
        if ("newsItem".equals(name)) {
            return List.of(root);
        }
        if ("newsMessage".equals(name)) {
            List<Element> items = children(child(root, "itemSet"), "newsItem");
            if (items.isEmpty()) {
                // Package, concept and planning items carry no story text.
                throw new WireFormatException("missing-field", "The newsMessage carries no newsItem");
            }
            return items;
        }
        throw new WireFormatException("unexpected-root",
                "A NewsML-G2 document has the root element <newsItem> or <newsMessage>, not <" + name + ">");
    }

    private WireItem readItem(Element item) {
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        Instant versionCreated = WireDates.parse(text(child(itemMeta, "versionCreated")), "versionCreated");
        Instant published = WireDates.parse(text(child(itemMeta, "firstCreated")), "firstCreated");
        if (published == null) {
            published = WireDates.parse(text(child(contentMeta, "contentCreated")), "contentCreated");
        }
        Concepts concepts = concepts(contentMeta);
        Element pubStatus = child(itemMeta, "pubStatus");
        String status = attr(pubStatus, "qcode");
        return new WireItem(
                attr(item, "guid"),
                WireValues.version(attr(item, "version"), "newsItem/@version"),
                source(item, itemMeta),
                headline(contentMeta),
                body(child(item, "contentSet")),
                language(item, contentMeta),
                published != null ? published : versionCreated,
                versionCreated,
                byline(contentMeta),
                SubjectCodes.distinct(concepts.subjects),
                CleanText.names(concepts.people),
                CleanText.names(concepts.organisations),
                CleanText.names(concepts.places),
                WireValues.pubStatus(status != null ? status : attr(pubStatus, "uri"), "pubStatus"),
                WireDates.parse(text(child(itemMeta, "embargoed")), "embargoed"));
    }

    /** The headline without a role, or the first one when all have roles (e.g. a short and a long one). */
    private static String headline(Element contentMeta) {
        List<Element> headlines = children(contentMeta, "headline");
        for (Element headline : headlines) {
            String role = attr(headline, "role");
            if (role == null || role.endsWith(":main")) {
                return text(headline);
            }
        }
        return headlines.isEmpty() ? null : text(headlines.get(0));
    }

    /** The first inline rendition: XHTML or NITF in inlineXML, text or HTML in inlineData. */
    private String body(Element contentSet) {
        for (Element content : children(contentSet, null)) {
            if ("inlineXML".equals(content.getLocalName())) {
                Element nitfRoot = child(content, "nitf");
                return nitfRoot != null ? nitf.body(nitfRoot) : html.toText(XmlNodes.innerMarkup(content));
            }
            if ("inlineData".equals(content.getLocalName())) {
                return contentType(content).contains("html") ? html.toText(content.getTextContent())
                        : CleanText.wrappedParagraphs(content.getTextContent());
            }
        }
        return null;
    }

    private static String contentType(Element content) {
        String type = attr(content, "contenttype");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    private static String byline(Element contentMeta) {
        List<String> bylines = new ArrayList<>();
        for (Element by : children(contentMeta, "by")) {
            bylines.add(by.getTextContent());
        }
        List<String> clean = CleanText.names(bylines);
        return clean.isEmpty() ? null : String.join("; ", clean);
    }

    private static String language(Element item, Element contentMeta) {
        String tag = attr(child(contentMeta, "language"), "tag");
        return tag != null ? tag : XmlNodes.xmlLang(item);
    }

    /** The copyright holder, else the provider; either may give its name as an element or a literal. */
    private static String source(Element item, Element itemMeta) {
        for (Element party : Arrays.asList(path(item, "rightsInfo", "copyrightHolder"), child(itemMeta, "provider"))) {
            String name = text(child(party, "name"));
            if (name == null) {
                name = attr(party, "literal");
            }
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * Subjects sorted by concept nature (cpnat): people, organisations and places by name, every other concept
     * (Media Topics and the like) as a subject with its code. The dateline place (located) leads the places.
     */
    private static Concepts concepts(Element contentMeta) {
        Concepts concepts = new Concepts();
        concepts.places.add(text(child(child(contentMeta, "located"), "name")));
        for (Element subject : children(contentMeta, "subject")) {
            String name = text(child(subject, "name"));
            switch (WireValues.code(attr(subject, "type"))) {
                case "person" -> concepts.people.add(name);
                case "organisation", "organization" -> concepts.organisations.add(name);
                case "geoArea", "poi" -> concepts.places.add(name);
                default -> concepts.subjects.add(SubjectCodes.fromReference(
                        attr(subject, "qcode") != null ? attr(subject, "qcode") : attr(subject, "uri"), name));
            }
        }
        return concepts;
    }

    private static final class Concepts {
        final List<ProviderSubject> subjects = new ArrayList<>();
        final List<String> people = new ArrayList<>();
        final List<String> organisations = new ArrayList<>();
        final List<String> places = new ArrayList<>();
    }
}
