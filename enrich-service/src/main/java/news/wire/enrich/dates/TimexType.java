package news.wire.enrich.dates;

/** The TIMEX3 type of a temporal expression. */
public enum TimexType {
    DATE, TIME, DURATION, SET
}
