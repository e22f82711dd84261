package news.wire.enrich.numbers;

/**
 * A person's age: "aged 45", "at age 45", "a 45-year-old", "45 years old". An age is a figure in years, not a count
 * of years gone by ("45 years in office"), so it carries its own unit and counted thing.
 */
final class Ages {

    static final String UNIT = "year";
    static final String COUNTED = "age";

    private Ages() {
    }

    /**
     * Where the age ends if the figure at {@code figureAt} (its last token before {@code next}) is one, else -1: after
     * "old" when the copy writes it, after the figure when "aged" or "age" came before it.
     */
    static int end(CopyTokens tokens, int figureAt, int next) {
        int j = next;
        boolean hyphenated = tokens.is(j, "-") && tokens.attached(j) && tokens.attached(j + 1);
        int unit = hyphenated ? j + 1 : j;
        if (tokens.is(unit, "year") || tokens.is(unit, "years")) {
            int k = unit + 1;
            if (tokens.is(k, "-") && tokens.attached(k) && tokens.attached(k + 1)) {
                k++;
            }
            if (tokens.is(k, "old")) {
                return k + 1;
            }
        }
        // A range after "aged" ("aged 5 to 12") is read as a range, whose ends are ages (see before).
        boolean rangeFollows = tokens.is(next, "-") || tokens.is(next, "–") || tokens.is(next, "to");
        return before(tokens, figureAt) && !rangeFollows ? next : -1;
    }

    /** Whether an age is introduced just before token i: "aged 45", "at age 16", "ages 5 to 12", not "Stone Age 3". */
    static boolean before(CopyTokens tokens, int i) {
        return tokens.is(i - 1, "aged") || tokens.is(i - 1, "ages") || tokens.is(i - 1, "age")
                && !tokens.is(i - 2, "stone") && !tokens.is(i - 2, "bronze") && !tokens.is(i - 2, "iron");
    }
}
