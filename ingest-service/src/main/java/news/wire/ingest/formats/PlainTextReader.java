package news.wire.ingest.formats;

import java.util.List;

/** Reads plain-text copy: the first non-empty line is the headline, the rest the body. */
public class PlainTextReader {

    /**
     * Reads decoded text; single line breaks inside a paragraph are taken as wrapping, blank lines as breaks.
     * Plain text says nothing of source, time or language: those stay null for the caller to supply.
     */
    public WireItem read(String text) {
        String[] lines = CleanText.unixLines(text).split("\n", -1);
        int first = 0;
        while (first < lines.length && CleanText.inline(lines[first]) == null) {
            first++;
        }
        if (first == lines.length) {
            return item(null, null);
        }
        String rest = String.join("\n", List.of(lines).subList(first + 1, lines.length));
        return item(CleanText.inline(lines[first]), CleanText.wrappedParagraphs(rest));
    }

    private static WireItem item(String headline, String body) {
        return new WireItem(null, null, null, headline, body, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), WireItem.PubStatus.USABLE, null);
    }
}
