package news.wire.enrich.dates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One way of writing a temporal expression, and how to resolve what it matched; null from the resolver rejects it. */
record Rule(String name, Pattern pattern, Resolution resolution) {

    /** Turns a match into a TIMEX3 value, or null when the words only look like a date. */
    @FunctionalInterface
    interface Resolution {
        Timex resolve(Matcher match, Reading reading);
    }
}
