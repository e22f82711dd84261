package news.wire.enrich.numbers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** News copy cut into words, numerals and single symbols, keeping offsets and whether a space comes before each. */
final class CopyTokens {

    private static final byte WORD = 1;
    private static final byte NUMERAL = 2;
    private static final byte SYMBOL = 3;
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th");

    private final String text;
    private int size;
    private int[] starts;
    private int[] ends;
    private byte[] types;
    private boolean[] spaced;
    private String[] keys;

    private CopyTokens(String text) {
        this.text = text;
        int capacity = Math.max(16, text.length() / 4);
        starts = new int[capacity];
        ends = new int[capacity];
        types = new byte[capacity];
        spaced = new boolean[capacity];
        keys = new String[capacity];
    }

    static CopyTokens of(String text) {
        CopyTokens tokens = new CopyTokens(text);
        tokens.cut();
        return tokens;
    }

    private void cut() {
        int n = text.length();
        int i = 0;
        boolean gap = true;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                gap = true;
                i++;
                continue;
            }
            int start = i;
            byte type;
            if (isDigit(c)) {
                i = numeralEnd(i);
                type = NUMERAL;
            } else if (Character.isLetter(c)) {
                i = wordEnd(i);
                type = WORD;
            } else {
                i += Character.charCount(text.codePointAt(i));
                type = SYMBOL;
            }
            add(start, i, type, gap);
            gap = false;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private int digitsEnd(int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Digits with thousands groups ("33,900") and one decimal part ("2.5"); "1,2" stays two numerals. */
    private int numeralEnd(int from) {
        int n = text.length();
        int i = digitsEnd(from);
        if (i - from <= 3) {
            while (i + 3 < n && text.charAt(i) == ',' && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
                    && isDigit(text.charAt(i + 3)) && (i + 4 >= n || !isDigit(text.charAt(i + 4)))) {
                i += 4;
            }
        }
        if (i + 1 < n && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i = digitsEnd(i + 1);
        }
        return i;
    }

    /** Letters, with apostrophes inside a word ("o'clock", "people's") kept in it. */
    private int wordEnd(int from) {
        int n = text.length();
        int i = from + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '\'' || c == '’') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private void add(int start, int end, byte type, boolean gap) {
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            types = Arrays.copyOf(types, capacity);
            spaced = Arrays.copyOf(spaced, capacity);
            keys = Arrays.copyOf(keys, capacity);
        }
        String surface = text.substring(start, end);
        starts[size] = start;
        ends[size] = end;
        types[size] = type;
        spaced[size] = gap;
        keys[size] = type == WORD ? surface.toLowerCase(Locale.ROOT).replace('’', '\'') : surface;
        size++;
    }

    int size() {
        return size;
    }

    String text() {
        return text;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** Lower-cased word, or the symbol or numeral as written; empty outside the copy so lookups need no guard. */
    String key(int i) {
        return i >= 0 && i < size ? keys[i] : "";
    }

    String raw(int i) {
        return text.substring(starts[i], ends[i]);
    }

    boolean rawEquals(int i, String surface) {
        return i >= 0 && i < size && ends[i] - starts[i] == surface.length() && text.startsWith(surface, starts[i]);
    }

    boolean is(int i, String key) {
        return i >= 0 && i < size && keys[i].equals(key);
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && types[i] == WORD;
    }

    boolean isNumeral(int i) {
        return i >= 0 && i < size && types[i] == NUMERAL;
    }

    boolean isSymbol(int i) {
        return i >= 0 && i < size && types[i] == SYMBOL;
    }

    /** True when token i touches the one before it, as "m" does in "40m". */
    boolean attached(int i) {
        return i > 0 && i < size && !spaced[i];
    }

    /** True when token i is an ordinal's suffix set against its numeral, as "th" is in "7th". */
    boolean ordinalSuffix(int i) {
        return attached(i) && ORDINAL_SUFFIXES.contains(keys[i]);
    }

    boolean capitalised(int i) {
        return isWord(i) && Character.isUpperCase(text.charAt(starts[i]));
    }

    /** A full stop, comma or other mark that ends the phrase a figure sits in, or the end of the copy. */
    boolean phraseBreak(int i) {
        if (i >= size) {
            return true;
        }
        if (types[i] != SYMBOL) {
            return false;
        }
        return switch (keys[i]) {
            case ".", ",", ";", ":", ")", "!", "?", "—", "\"", "”", "'" -> true;
            default -> false;
        };
    }
}
