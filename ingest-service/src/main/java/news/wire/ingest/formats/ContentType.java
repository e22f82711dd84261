package news.wire.ingest.formats;

import java.util.Locale;

/**
 * A Content-Type header value reduced to what reading needs: the media type without parameters and the charset.
 *
 * @param essence the media type in lower case, such as {@code application/nitf+xml}
 * @param charset the {@code charset} parameter, or null when the header has none
 */
record ContentType(String essence, String charset) {

    static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            throw new WireFormatException("unsupported-media-type", "The request has no Content-Type");
        }
        String[] parts = header.split(";");
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!essence.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            throw new WireFormatException("unsupported-media-type",
                    "Content-Type \"" + header + "\" is not a media type");
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                charset = unquote(parameter[1].trim());
            }
        }
        return new ContentType(essence, charset == null || charset.isEmpty() ? null : charset);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).trim() : value;
    }
}
