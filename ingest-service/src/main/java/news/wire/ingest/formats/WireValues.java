package news.wire.ingest.formats;

import java.util.Locale;

import news.wire.ingest.formats.WireItem.PubStatus;

/** Provider versions and publication statuses, which every format spells a little differently. */
final class WireValues {

    private WireValues() {
    }

    /** A whole version number, or null when absent. */
    static Integer version(String value, String field) {
        String text = CleanText.inline(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new WireFormatException("invalid-field", field + " must be a whole number, got \"" + text + "\"");
        }
    }

    /** The code of a QCode ({@code cpnat:person}) or of a NewsCodes URI ending in it; "" when absent. */
    static String code(String qcodeOrUri) {
        if (qcodeOrUri == null) {
            return "";
        }
        return qcodeOrUri.substring(Math.max(qcodeOrUri.lastIndexOf(':'), qcodeOrUri.lastIndexOf('/')) + 1);
    }

    /**
     * Usable when absent. Accepts the bare word (ninjs), a QCode ({@code stat:canceled}) or a NewsCodes URI.
     * Withheld counts as withdrawn: the provider has pulled the item until further notice.
     * An unknown status fails rather than publishing what may be a kill.
     */
    static PubStatus pubStatus(String value, String field) {
        String text = CleanText.inline(value);
        if (text == null) {
            return PubStatus.USABLE;
        }
        return switch (code(text).toLowerCase(Locale.ROOT)) {
            case "usable" -> PubStatus.USABLE;
            case "canceled", "cancelled", "withheld" -> PubStatus.WITHDRAWN;
            default -> throw new WireFormatException("invalid-field",
                    field + " must be usable, withheld or canceled, got \"" + text + "\"");
        };
    }
}
