package news.wire.deploy.crossdoc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads ECB+ XML files ({@code <topic>/<topic>_<n>ecb.xml} and {@code …ecbplus.xml}). */
public final class EcbReader {

    private static final Pattern FILE_NAME = Pattern.compile("(\\d+)_(\\d+)(ecb|ecbplus)\\.xml");
    private static final Set<String> ENTITY_TYPES = Set.of("HUMAN_PART_PER", "HUMAN_PART_ORG");

    private EcbReader() {
    }

    /** Whether a markable type counts as a person, organisation or place for the entity figures. */
    static boolean entityType(String type) {
        return ENTITY_TYPES.contains(type) || type.startsWith("LOC_");
    }

    /** The documents of the given topics under {@code folder}, by topic, then sub-topic, then document number. */
    public static List<EcbDocument> read(Path folder, Set<Integer> topics) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<Path> files = new ArrayList<>();
        for (int topic : topics) {
            Path dir = folder.resolve(Integer.toString(topic));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
                }
            }
        }
        files.sort(Comparator.comparing(EcbReader::sortKey));
        List<EcbDocument> documents = new ArrayList<>(files.size());
        for (Path file : files) {
            documents.add(read(file));
        }
        return documents;
    }

    private static String sortKey(Path file) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        m.matches();
        return String.format("%05d %s %05d", Integer.parseInt(m.group(1)), m.group(3), Integer.parseInt(m.group(2)));
    }

    /** One file. */
    public static EcbDocument read(Path file) throws IOException {
        String name = file.getFileName().toString();
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            throw new IOException(file + ": not an ECB+ file name (<topic>_<n>ecb.xml or …ecbplus.xml)");
        }
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            root = parser().parse(in).getDocumentElement();
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        List<EcbDocument.Token> tokens = new ArrayList<>();
        for (Element token : children(root, "token")) {
            tokens.add(new EcbDocument.Token(Integer.parseInt(token.getAttribute("t_id")),
                    Integer.parseInt(token.getAttribute("sentence")), token.getTextContent()));
        }
        // Markables with token anchors are mentions; those without are the chains' instance descriptions.
        Map<Integer, String> typeOf = new HashMap<>();
        Map<Integer, List<Integer>> anchors = new HashMap<>();
        for (Element markables : children(root, "Markables")) {
            for (Element markable : children(markables)) {
                int id = Integer.parseInt(markable.getAttribute("m_id"));
                List<Integer> tokenIds = children(markable, "token_anchor").stream()
                        .map(a -> Integer.parseInt(a.getAttribute("t_id"))).toList();
                typeOf.put(id, markable.getTagName());
                if (!tokenIds.isEmpty()) {
                    anchors.put(id, tokenIds);
                }
            }
        }
        List<EcbDocument.GoldMention> mentions = new ArrayList<>();
        for (Element relations : children(root, "Relations")) {
            for (Element relation : children(relations, "CROSS_DOC_COREF")) {
                String chain = relation.getAttribute("note");
                for (Element source : children(relation, "source")) {
                    int id = Integer.parseInt(source.getAttribute("m_id"));
                    String type = typeOf.get(id);
                    if (type != null && entityType(type) && anchors.containsKey(id)) {
                        mentions.add(new EcbDocument.GoldMention(id, type, anchors.get(id), chain));
                    }
                }
            }
        }
        mentions.sort(Comparator.comparingInt(EcbDocument.GoldMention::markableId));
        return new EcbDocument(Integer.parseInt(m.group(1)), name, m.group(3), tokens, mentions);
    }

    private static javax.xml.parsers.DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Corpus files never need a DTD; refusing one keeps a stray file from reaching the network.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder();
    }

    private static List<Element> children(Element parent) {
        return children(parent, null);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                found.add(e);
            }
        }
        return found;
    }
}
