package news.wire.enrich.entities;

/** Tells a headline written in title case, where capitals say nothing about names, from one in sentence case. */
final class HeadlineCase {

    private HeadlineCase() {
    }

    /** True when most words that could be lower case are capitalised ("Storm Hits Coast As Crews Wait"). */
    static boolean isTitleCase(String headline) {
        int words = 0;
        int capitalised = 0;
        for (String word : headline.split("[\\s\\p{Pd}]+")) {
            if (word.isEmpty() || !Character.isLetter(word.codePointAt(0))) {
                continue;
            }
            String lower = NameLexicon.key(word);
            // Short function words stay lower case in many house styles' title case, so they do not count.
            if (lower.length() <= 3 && NameLexicon.NOT_NAMES.contains(lower)) {
                continue;
            }
            words++;
            if (Character.isUpperCase(word.codePointAt(0))) {
                capitalised++;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 8;
    }
}
