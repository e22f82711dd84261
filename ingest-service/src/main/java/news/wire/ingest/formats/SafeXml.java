package news.wire.ingest.formats;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** The one place ingest parses XML: any DTD is refused, nothing is ever fetched, errors carry line and column. */
public class SafeXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    /**
     * NITF and NewsML-G2 nest a dozen levels or so. The JDK sets no depth limit, and the DOM and our readers walk
     * the tree recursively: 100,000 nested elements (half a megabyte) overflowed the stack.
     */
    private static final int DEEPEST = 256;

    /** The default handler prints to stderr and carries on; a wire item is either well-formed or refused. */
    private static final ErrorHandler FAIL_FAST = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    /** Parses decoded XML (see {@link WireText#decodeXml}) into a namespace-aware DOM. */
    public Document parse(String xml) {
        refuseDoctype(xml);
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_FAST);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entity " + systemId + " refused");
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new WireFormatException("malformed-xml",
                    "Malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(), e);
        } catch (SAXException e) {
            throw new WireFormatException("malformed-xml", "Malformed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("XML parser failed on an in-memory document", e);
        }
    }

    /**
     * Wire formats never need a DTD, and DTDs are where external entities and entity bombs live. Looking for a
     * DOCTYPE in the prolog (the only place one may stand) without parsing it means even a parameter-entity
     * reference in an internal subset never reaches a parser.
     */
    private static void refuseDoctype(String xml) {
        int i = 0;
        int length = xml.length();
        while (i < length) {
            char c = xml.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (xml.startsWith("<?", i)) {
                i = skipPast(xml, i, "?>");
            } else if (xml.startsWith("<!--", i)) {
                i = skipPast(xml, i, "-->");
            } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                throw new WireFormatException("dtd-refused",
                        "XML with a DOCTYPE is refused: wire formats need no DTD, and DTDs carry external and "
                                + "recursive entities");
            } else {
                return;
            }
        }
    }

    private static int skipPast(String xml, int from, String end) {
        int at = xml.indexOf(end, from);
        return at < 0 ? xml.length() : at + end.length();
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
        // Defence in depth behind refuseDoctype: the parser itself refuses DTDs and any external access.
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(MAX_ELEMENT_DEPTH, DEEPEST);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
