package news.wire.enrich.numbers;

/** The hedges around a figure: "more than", "nearly", "at least" before it; "or so", "or more", "-odd" after it. */
final class Qualifiers {

    /**
     * A hedge written before a figure. {@code temporal} marks words that also come before years ("over 2020",
     * "around 1990"), so they do not make a year into a count; {@code between} opens a range and has no qualifier.
     */
    record Hedge(Qualifier qualifier, boolean temporal, boolean between) {
    }

    private static final PhraseTable<Hedge> BEFORE = new PhraseTable<>();
    private static final PhraseTable<Qualifier> AFTER = new PhraseTable<>();

    static {
        for (String phrase : new String[] {"nearly", "some", "roughly", "almost", "an estimated", "approximately",
                "close to", "an approximate", "circa", "more or less", "just about"}) {
            before(phrase, Qualifier.APPROX, false);
        }
        before("about", Qualifier.APPROX, true);
        before("around", Qualifier.APPROX, true);
        for (String phrase : new String[] {"more than", "above", "upwards of", "in excess of", "greater than",
                "higher than", "well over", "well above", "just above"}) {
            before(phrase, Qualifier.GREATER_THAN, false);
        }
        before("over", Qualifier.GREATER_THAN, true);
        before("just over", Qualifier.GREATER_THAN, true);
        for (String phrase : new String[] {"less than", "fewer than", "below", "lower than", "just below",
                "well below", "well under"}) {
            before(phrase, Qualifier.LESS_THAN, false);
        }
        before("under", Qualifier.LESS_THAN, true);
        before("just under", Qualifier.LESS_THAN, true);
        for (String phrase : new String[] {"at least", "no fewer than", "no less than", "not less than",
                "a minimum of"}) {
            before(phrase, Qualifier.AT_LEAST, false);
        }
        for (String phrase : new String[] {"at most", "no more than", "not more than", "as many as", "as much as",
                "a maximum of", "at the most"}) {
            before(phrase, Qualifier.AT_MOST, false);
        }
        before("up to", Qualifier.AT_MOST, true);
        BEFORE.add("between", new Hedge(null, false, true));

        AFTER.add("or so", Qualifier.APPROX)
                .add("or thereabouts", Qualifier.APPROX)
                .addAttached("-odd", Qualifier.APPROX)
                .add("or more", Qualifier.AT_LEAST)
                .add("or fewer", Qualifier.AT_MOST)
                .add("or less", Qualifier.AT_MOST)
                .addAttached("-plus", Qualifier.GREATER_THAN)
                .addAttached("+", Qualifier.GREATER_THAN);
    }

    private Qualifiers() {
    }

    private static void before(String phrase, Qualifier qualifier, boolean temporal) {
        BEFORE.add(phrase, new Hedge(qualifier, temporal, false));
    }

    static PhraseTable.Match<Hedge> before(CopyTokens tokens, int i) {
        return BEFORE.at(tokens, i);
    }

    static PhraseTable.Match<Qualifier> after(CopyTokens tokens, int i) {
        return AFTER.at(tokens, i);
    }
}
