package news.wire.ingest.formats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Whitespace and paragraph rules shared by every reader, so all formats produce the same clean text. */
final class CleanText {

    // (?U): no-break spaces and other Unicode spaces count as whitespace; wire HTML is full of &nbsp;.
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    // Teletype-era framing (SOH, STX, ETX, ...) still turns up in plain-text feeds.
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[\\t\\x0B\\f ]*\\n");

    private CleanText() {
    }

    /** One line of text, whitespace collapsed; null when nothing is left. */
    static String inline(String text) {
        if (text == null) {
            return null;
        }
        String clean = WHITESPACE.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
        return clean.isEmpty() ? null : clean;
    }

    /** Paragraphs joined by one blank line, empty ones dropped; null when none is left. */
    static String paragraphs(Collection<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String clean = inline(paragraph);
            if (clean != null) {
                kept.add(clean);
            }
        }
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }

    /** Text where a blank line ends a paragraph and single line breaks are only wrapping (teletype copy). */
    static String wrappedParagraphs(String text) {
        return text == null ? null : paragraphs(List.of(BLANK_LINE.split(unixLines(text))));
    }

    /** Text where every line break ends a paragraph (JSON bodies are never hard-wrapped). */
    static String lineParagraphs(String text) {
        return text == null ? null : paragraphs(List.of(unixLines(text).split("\n")));
    }

    /** Names cleaned, blanks dropped, duplicates removed, order kept. */
    static List<String> names(Collection<String> names) {
        Set<String> kept = new LinkedHashSet<>();
        for (String name : names) {
            String clean = inline(name);
            if (clean != null) {
                kept.add(clean);
            }
        }
        return List.copyOf(kept);
    }

    static String unixLines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
