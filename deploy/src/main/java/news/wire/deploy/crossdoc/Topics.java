package news.wire.deploy.crossdoc;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A set of ECB+ topics written as {@code 1-35} or {@code 1-20,25,30-35} (a held-out split). */
final class Topics {

    private Topics() {
    }

    static Set<Integer> parse(String text) {
        Set<Integer> topics = new TreeSet<>();
        for (String part : text.split(",")) {
            String range = part.strip();
            if (range.isEmpty()) {
                continue;
            }
            int dash = range.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1).strip());
                if (from < 1 || to < from) {
                    throw new IllegalArgumentException("--topics: bad range '" + range + "'");
                }
                for (int t = from; t <= to; t++) {
                    topics.add(t);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--topics: '" + range + "' is not a number or a range like 1-35");
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("--topics: no topic given");
        }
        return Collections.unmodifiableSet(topics);
    }
}
