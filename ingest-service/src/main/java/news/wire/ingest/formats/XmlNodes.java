package news.wire.ingest.formats;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks wire XML by local name: NITF comes with and without a namespace and NewsML-G2 always has one, so
 * namespaces are ignored when looking for an element.
 */
final class XmlNodes {

    private XmlNodes() {
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    static Element path(Element from, String... localNames) {
        Element at = from;
        for (String name : localNames) {
            at = child(at, name);
        }
        return at;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The element's text on one line, or null when absent or blank. */
    static String text(Element element) {
        return element == null ? null : CleanText.inline(element.getTextContent());
    }

    /** An attribute's value, or null when absent or blank (DOM returns "" for a missing attribute). */
    static String attr(Element element, String name) {
        return element == null ? null : CleanText.inline(element.getAttribute(name));
    }

    static String xmlLang(Element element) {
        return element == null ? null : CleanText.inline(element.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
    }

    /** The element's children as markup, for content (XHTML) that is read as HTML. */
    static String innerMarkup(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer identity = factory.newTransformer();
            identity.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter markup = new StringWriter();
            for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                identity.transform(new DOMSource(node), new StreamResult(markup));
            }
            return markup.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not serialise an in-memory XML element", e);
        }
    }
}
