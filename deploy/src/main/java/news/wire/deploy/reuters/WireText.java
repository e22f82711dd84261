package news.wire.deploy.reuters;

import java.util.ArrayList;
import java.util.List;

/** Turns 1980s wire text (teleprinter control characters, fixed-width lines) into clean text. */
final class WireText {

    private static final char ESCAPE = '\u001B';

    private WireText() {
    }

    /** One line of clean text: control characters dropped, every run of whitespace a single space. */
    static String line(String raw) {
        return collapse(withoutControls(raw));
    }

    /**
     * Clean paragraphs separated by a blank line. Wire copy of the time wrapped lines at a fixed width and began
     * each new paragraph with an indented line (sometimes a blank one), so an indented or blank line starts a
     * paragraph and any other line continues the one before.
     */
    static String paragraphs(String raw) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : withoutControls(raw).split("\r\n|\r|\n")) {
            boolean blank = line.isBlank();
            if (blank || isSpace(line.charAt(0))) {
                addParagraph(paragraphs, paragraph);
            }
            if (!blank) {
                paragraph.append(line).append(' ');
            }
        }
        addParagraph(paragraphs, paragraph);
        return String.join("\n\n", paragraphs);
    }

    private static void addParagraph(List<String> paragraphs, StringBuilder paragraph) {
        String text = collapse(paragraph);
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        paragraph.setLength(0);
    }

    /**
     * Drops C0/C1 control characters and DEL but keeps line breaks and tabs, which carry the layout. The collection
     * keeps the wire's transmission codes (start/end of text, ESC sequences, line noise) as {@code &#N;} entities;
     * they are not text.
     */
    static String withoutControls(CharSequence raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ESCAPE) {
                i = endOfTerminalSequence(raw, i);
            } else if (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t') {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * Index of the last character of the terminal control sequence starting at {@code escape} (ESC [ digits and
     * semicolons, then one letter, e.g. "ESC[B", cursor down): keystrokes of the editing terminal that reached the
     * copy. A lone ESC is just the one character.
     */
    private static int endOfTerminalSequence(CharSequence raw, int escape) {
        int i = escape + 1;
        if (i >= raw.length() || raw.charAt(i) != '[') {
            return escape;
        }
        i++;
        while (i < raw.length() && (Character.isDigit(raw.charAt(i)) || raw.charAt(i) == ';')) {
            i++;
        }
        return i < raw.length() && Character.isLetter(raw.charAt(i)) ? i : escape;
    }

    private static String collapse(CharSequence raw) {
        StringBuilder text = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                pendingSpace = text.length() > 0;
            } else {
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                text.append(c);
            }
        }
        return text.toString();
    }

    // Latin-1 copy may carry no-break spaces (0xA0), which Character.isWhitespace does not count.
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
