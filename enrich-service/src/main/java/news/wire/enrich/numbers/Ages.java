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
        boolean agedBefore = tokens.is(figureAt - 1, "aged") || tokens.is(figureAt - 1, "age")
                && !tokens.is(figureAt - 2, "stone") && !tokens.is(figureAt - 2, "bronze") && !tokens.is(figureAt - 2, "iron");
        return agedBefore && !tokens.is(next, "-") ? next : -1;
    }
}
