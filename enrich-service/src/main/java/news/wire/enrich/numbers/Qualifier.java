package news.wire.enrich.numbers;

/** How the copy hedges a figure: "about 40" is APPROX, "more than 40" GREATER_THAN, "at least 40" AT_LEAST. */
public enum Qualifier {
    EXACT, APPROX, GREATER_THAN, LESS_THAN, AT_LEAST, AT_MOST
}
