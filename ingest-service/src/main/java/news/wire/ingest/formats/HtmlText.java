package news.wire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** HTML as clean text: entities decoded, one paragraph per block, paragraphs apart by one blank line. */
public class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "ul", "ol", "dl", "dt", "dd", "pre", "hr", "table", "tr", "caption", "section", "article", "header",
            "footer", "aside", "main", "nav", "figure", "figcaption", "address", "body");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed, svg, math";

    /** The text of an HTML document or fragment; null when it holds no text. */
    public String toText(String html) {
        return html == null ? null : toText(Jsoup.parse(html).body());
    }

    /** The text of a parsed element; the element is not changed. */
    public String toText(Element root) {
        Element copy = root.clone();
        copy.select(NOT_TEXT).remove();
        Paragraphs paragraphs = new Paragraphs();
        NodeTraversor.traverse(paragraphs, copy);
        return paragraphs.text();
    }

    /** Collects text runs, starting a new paragraph at every block boundary. */
    private static final class Paragraphs implements NodeVisitor {
        private final List<String> done = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (node instanceof Element element) {
                boundary(element);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                boundary(element);
            }
        }

        private void boundary(Element element) {
            String tag = element.normalName();
            if (BLOCKS.contains(tag)) {
                done.add(current.toString());
                current.setLength(0);
            } else if (CELLS.contains(tag)) {
                // Table cells sit side by side: keep their words apart without splitting the row.
                current.append(' ');
            }
        }

        String text() {
            done.add(current.toString());
            return CleanText.paragraphs(done);
        }
    }
}
