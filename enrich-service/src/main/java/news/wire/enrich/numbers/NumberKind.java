package news.wire.enrich.numbers;

/** What sort of figure a number is: a plain count, a rank, a share, an amount of money or a measured quantity. */
public enum NumberKind {
    CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY
}
