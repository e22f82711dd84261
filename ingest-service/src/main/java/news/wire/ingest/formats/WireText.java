package news.wire.ingest.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes wire copy strictly in its declared charset: a byte that does not fit is an error, never a U+FFFD. */
public class WireText {

    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern HTML_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
    private static final int SNIFF_BYTES = 1024;

    /** Decodes in the named charset, UTF-8 when none is named; a byte-order mark wins over the name. */
    public String decode(byte[] content, String charsetName) {
        Bom bom = Bom.of(content);
        if (bom != null) {
            return decode(content, bom.length, bom.charset);
        }
        return decode(content, 0, charset(charsetName == null ? "UTF-8" : charsetName));
    }

    /**
     * Decodes XML: the Content-Type charset wins (RFC 7303), then a byte-order mark, then the XML declaration's
     * encoding, then UTF-8.
     */
    public String decodeXml(byte[] content, String headerCharset) {
        return decode(content, headerCharset != null ? headerCharset : sniff(content, XML_ENCODING));
    }

    /** Decodes HTML: the Content-Type charset wins, then a byte-order mark, then a {@code <meta>} charset. */
    public String decodeHtml(byte[] content, String headerCharset) {
        return decode(content, headerCharset != null ? headerCharset : sniff(content, HTML_CHARSET));
    }

    private static String sniff(byte[] content, Pattern declaration) {
        // Declarations are ASCII in every encoding a wire feed declares this way; Latin-1 reads any byte.
        String head = new String(content, 0, Math.min(content.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher matcher = declaration.matcher(head);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new WireFormatException("unsupported-charset", "Charset \"" + name + "\" is not supported");
        }
    }

    private static String decode(byte[] content, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(Math.max(16, content.length));
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
            out = grow(out);
            result = decoder.decode(in, out, true);
        }
        if (result.isError()) {
            throw invalid(content, in.position(), result, charset);
        }
        result = decoder.flush(out);
        while (result.isOverflow()) {
            out = grow(out);
            result = decoder.flush(out);
        }
        return out.flip().toString();
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        return bigger.put(out.flip());
    }

    private static WireFormatException invalid(byte[] content, int offset, CoderResult result, Charset charset) {
        int end = Math.min(content.length, offset + Math.max(1, result.length()));
        String bytes = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(content, offset, end);
        String problem = result.isMalformed() ? "is not valid" : "cannot be mapped in";
        return new WireFormatException("invalid-charset",
                "Byte sequence " + bytes + " at byte offset " + offset + " " + problem + " " + charset.name());
    }

    /** Byte-order marks, which identify the encoding more reliably than any label. */
    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        private final Charset charset;
        private final int[] marks;
        private final int length;

        Bom(Charset charset, int... marks) {
            this.charset = charset;
            this.marks = marks;
            this.length = marks.length;
        }

        static Bom of(byte[] content) {
            for (Bom bom : values()) {
                if (bom.matches(content)) {
                    return bom;
                }
            }
            return null;
        }

        private boolean matches(byte[] content) {
            if (content.length < length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((content[i] & 0xFF) != marks[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
