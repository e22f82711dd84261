package news.wire.enrich.numbers;

import java.util.Set;

/** Numerals that name rather than count: "No. 10", "Route 66", "G20", "Covid-19", phone numbers, long ids. */
final class Labels {

    /** Capitalised words that make the numeral after them a name or a number in a series. */
    private static final Set<String> DESIGNATORS = Set.of("number", "route", "highway", "interstate", "flight",
            "article", "section", "chapter", "resolution", "room", "page", "platform", "gate", "terminal", "channel",
            "apollo", "level", "category", "grade", "stage", "phase", "tier", "year", "vol", "volume", "episode",
            "season", "act", "title", "bill", "proposition", "prop", "windows", "iphone", "boeing", "airbus",
            "formula", "covid", "ward", "unit", "block", "sector", "zone", "pier", "lot", "game", "week", "round",
            "bus", "line", "district", "division", "table", "figure", "exhibit", "part", "paragraph", "clause", "rule",
            "lane", "row", "track", "runway", "matchday", "version", "series", "model", "type", "psalm", "group",
            "box", "camp", "building", "area", "precinct", "squad", "battalion", "brigade", "regiment");

    private Labels() {
    }

    /** When the numeral at token i is a label, the token after it (and after the rest of a phone number); else -1. */
    static int skip(CopyTokens tokens, int i) {
        String raw = tokens.raw(i);
        // Letters against the numeral: "G20", "MH17", "Covid-19", "F-16".
        if (tokens.attached(i) && tokens.isWord(i - 1)) {
            return i + 1;
        }
        if (tokens.attached(i) && tokens.is(i - 1, "-") && tokens.attached(i - 1) && tokens.isWord(i - 2)
                && !SpelledNumbers.isNumberWord(tokens.key(i - 2))) {
            return i + 1;
        }
        if (tokens.attached(i) && tokens.is(i - 1, "#")) {
            return i + 1;
        }
        if (tokens.is(i - 1, ".") && (tokens.is(i - 2, "no") || tokens.is(i - 2, "nos"))) {
            return i + 1;
        }
        if (tokens.rawEquals(i - 1, "No") || tokens.rawEquals(i - 1, "Nos") || tokens.is(i - 1, "number")
                || (tokens.capitalised(i - 1) && DESIGNATORS.contains(tokens.key(i - 1)))) {
            return i + 1;
        }
        boolean plain = raw.indexOf(',') < 0 && raw.indexOf('.') < 0;
        // Leading zeros belong to codes, phone numbers and the 24-hour clock ("0930 GMT"), not to counts.
        if (plain && raw.length() > 1 && raw.charAt(0) == '0') {
            return phoneEnd(tokens, i);
        }
        if (plain && raw.length() >= 7) {
            return i + 1;
        }
        int phone = phoneEnd(tokens, i);
        return phone > i + 1 ? phone : -1;
    }

    /**
     * True when the figure at token i follows a capitalised word inside a sentence, as in "Critters 3" or
     * "Channel Five": a title or a name. Headlines are left alone, since they may capitalise every word.
     */
    static boolean afterName(CopyTokens tokens, int i) {
        int name = i - 1;
        if (!tokens.capitalised(name) || DatesAndTimes.isMonth(tokens, name) || tokens.rawEquals(name, "I")) {
            return false;
        }
        return name > 0 && !tokens.phraseBreak(name - 1) && !tokens.is(name - 1, "(") && !tokens.is(name - 1, "“");
    }

    /**
     * The token after a run of plain numerals separated only by spaces, hyphens or dots ("020 7946 0000",
     * "555-0123"): three or more of them, or two long ones, read as a phone number. A lone numeral returns i + 1.
     */
    private static int phoneEnd(CopyTokens tokens, int i) {
        int j = i;
        int count = 1;
        int longGroups = tokens.raw(i).length() >= 3 ? 1 : 0;
        while (true) {
            int next;
            if (tokens.isNumeral(j + 1) && !tokens.attached(j + 1)) {
                next = j + 1;
            } else if ((tokens.is(j + 1, "-") || tokens.is(j + 1, ".")) && tokens.attached(j + 1)
                    && tokens.attached(j + 2) && tokens.isNumeral(j + 2)) {
                next = j + 2;
            } else {
                break;
            }
            String raw = tokens.raw(next);
            if (raw.indexOf(',') >= 0 || raw.indexOf('.') >= 0) {
                break;
            }
            count++;
            if (raw.length() >= 3) {
                longGroups++;
            }
            j = next;
        }
        if (count >= 3 || (count == 2 && longGroups == 2)) {
            return j + 1;
        }
        return i + 1;
    }
}
