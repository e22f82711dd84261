package news.wire.ingest.formats;

import static news.wire.ingest.formats.XmlNodes.attr;
import static news.wire.ingest.formats.XmlNodes.child;
import static news.wire.ingest.formats.XmlNodes.children;
import static news.wire.ingest.formats.XmlNodes.path;
import static news.wire.ingest.formats.XmlNodes.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/** Reads an IPTC NITF 3.x document into a wire item. */
public class NitfReader {

    private final SafeXml xml = new SafeXml();

    /** Parses and reads a NITF document (already decoded, see {@link WireText#decodeXml}). */
    public WireItem read(String document) {
        return read(xml.parse(document).getDocumentElement());
    }

    WireItem read(Element nitf) {
        if (!"nitf".equals(nitf.getLocalName())) {
            throw new WireFormatException("unexpected-root",
                    "A NITF document has the root element <nitf>, not <" + nitf.getLocalName() + ">");
        }
        Element head = child(nitf, "head");
        Element docdata = child(head, "docdata");
        Element bodyHead = path(nitf, "body", "body.head");
        Element identified = child(docdata, "identified-content");
        return new WireItem(
                attr(child(docdata, "doc-id"), "id-string"),
                null,
                source(head, docdata),
                headline(head, bodyHead),
                body(nitf),
                language(nitf, head, docdata, child(nitf, "body"), path(nitf, "body", "body.content")),
                publishedAt(head, docdata),
                null,
                byline(bodyHead),
                subjects(head, identified),
                names(identified, "person"),
                names(identified, "org"),
                names(identified, "location"),
                // NITF's kill notice: the provider cancels or withholds the document through docdata.
                WireValues.pubStatus(attr(docdata, "management-status"), "docdata/@management-status"),
                null);
    }

    /** The text of body.content: one paragraph per p, crossheads (hl2) kept in place, captions left out. */
    String body(Element nitf) {
        Element content = path(nitf, "body", "body.content");
        if (content == null) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>();
        collectParagraphs(content, paragraphs);
        return paragraphs.isEmpty() ? CleanText.inline(content.getTextContent()) : CleanText.paragraphs(paragraphs);
    }

    private static void collectParagraphs(Element parent, List<String> paragraphs) {
        for (Element element : children(parent, null)) {
            switch (element.getLocalName()) {
                case "p", "hl2" -> paragraphs.add(element.getTextContent());
                case "media" -> { }
                default -> collectParagraphs(element, paragraphs);
            }
        }
    }

    private static String headline(Element head, Element bodyHead) {
        String headline = text(path(bodyHead, "hedline", "hl1"));
        return headline != null ? headline : text(child(head, "title"));
    }

    private static String byline(Element bodyHead) {
        List<String> bylines = new ArrayList<>();
        for (Element byline : children(bodyHead, "byline")) {
            bylines.add(byline.getTextContent());
        }
        List<String> clean = CleanText.names(bylines);
        return clean.isEmpty() ? null : String.join("; ", clean);
    }

    private static String source(Element head, Element docdata) {
        String publication = attr(child(head, "pubdata"), "name");
        return publication != null ? publication : attr(child(docdata, "doc.copyright"), "holder");
    }

    private static Instant publishedAt(Element head, Element docdata) {
        String issued = attr(child(docdata, "date.issue"), "norm");
        if (issued != null) {
            return WireDates.parse(issued, "date.issue/@norm");
        }
        return WireDates.parse(attr(child(head, "pubdata"), "date.publication"), "pubdata/@date.publication");
    }

    /** NITF marks language with xml:lang or its own lang attribute, on the root or on the parts. */
    private static String language(Element... candidates) {
        for (Element element : candidates) {
            String lang = XmlNodes.xmlLang(element);
            if (lang == null) {
                lang = attr(element, "lang");
            }
            if (lang != null) {
                return lang;
            }
        }
        return null;
    }

    /**
     * IPTC subject codes from tobject.subject (refnum, named by its most specific level), then the classifiers of
     * identified-content: the element's text is the name, its value the code and its idsrc the scheme.
     */
    private static List<ProviderSubject> subjects(Element head, Element identified) {
        List<ProviderSubject> subjects = new ArrayList<>();
        for (Element subject : children(child(head, "tobject"), "tobject.subject")) {
            String name = attr(subject, "tobject.subject.detail");
            if (name == null) {
                name = attr(subject, "tobject.subject.matter");
            }
            if (name == null) {
                name = attr(subject, "tobject.subject.type");
            }
            // NITF's default rights holder of subject codes is IPTC, whose scheme is Subject Codes.
            String ipr = attr(subject, "tobject.subject.ipr");
            String scheme = ipr == null || ipr.equalsIgnoreCase("IPTC") ? "subj" : ipr;
            subjects.add(SubjectCodes.of(attr(subject, "tobject.subject.refnum"), scheme, name));
        }
        for (Element classifier : children(identified, "classifier")) {
            subjects.add(SubjectCodes.of(attr(classifier, "value"), attr(classifier, "idsrc"), text(classifier)));
        }
        return SubjectCodes.distinct(subjects);
    }

    /** Names in identified-content; a name may be the element's text or, for codes, its value attribute. */
    private static List<String> names(Element identified, String localName) {
        List<String> names = new ArrayList<>();
        for (Element element : children(identified, localName)) {
            String name = text(element);
            names.add(name != null ? name : attr(element, "value"));
        }
        return CleanText.names(names);
    }
}
