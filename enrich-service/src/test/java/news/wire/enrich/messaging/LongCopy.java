package news.wire.enrich.messaging;

/**
 * Long wire copy dense with what enrichment tags (names of people, organisations and places, figures, dates), for
 * tests of articles near the size limits. Invented text.
 */
final class LongCopy {

    private static final String[] PARAGRAPHS = {
            "The inquiry into the flooding of the Port of Valmora sat for a %d day on Tuesday. Harbour master Ines "
                    + "Calder told the panel that 42 ships were waiting to dock on 3 March and that the gates had "
                    + "been checked two weeks earlier.",
            "Calder said the Valmora Harbour Authority had asked the Ministry of Transport for 4.5 million euros in "
                    + "2024 to replace the pumps, and that more than 300 homes in Portsmouth were flooded last year.",
            "Counsel for the residents, Tomas Ekberg, asked why the warning had come at 11pm rather than in the "
                    + "afternoon. The authority's report, published in January, put the cost of the damage at about "
                    + "12 million euros, up 8%% on the estimate made in the autumn.",
            "Witnesses from Lisbon and Rotterdam described how their ports had raised their sea walls after the "
                    + "storms of 1953, and the panel will hear from the European Maritime Safety Agency next Monday.",
            "Residents who spoke to the inquiry described water reaching the first floor of their houses within an "
                    + "hour, and neighbours carrying children and the elderly to the church on the hill above the quay.",
    };

    private LongCopy() {
    }

    /** Paragraphs of the copy above, numbered so none repeats exactly, to at least {@code chars} characters. */
    static String body(int chars) {
        StringBuilder body = new StringBuilder(chars + 500);
        for (int n = 1; body.length() < chars; n++) {
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(PARAGRAPHS[n % PARAGRAPHS.length].formatted(n));
        }
        return body.toString();
    }
}
