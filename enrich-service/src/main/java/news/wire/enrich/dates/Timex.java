package news.wire.enrich.dates;

/** A resolved expression before it is placed in the text: TIMEX3 type, value and mod (null when none). */
record Timex(TimexType type, String value, String mod) {

    static Timex date(String value) {
        return new Timex(TimexType.DATE, value, null);
    }

    Timex withMod(String newMod) {
        return newMod == null ? this : new Timex(type, value, newMod);
    }
}
