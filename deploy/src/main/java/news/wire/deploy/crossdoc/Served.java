package news.wire.deploy.crossdoc;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits until query-service serves every posted article, then reads each one. */
final class Served {

    private Served() {
    }

    /**
     * The enriched record of each id, once all are served. Polls with back-off (0.5 s doubling to 5 s) and gives up
     * after {@code timeout}, naming how many are still missing.
     */
    static Map<String, JsonNode> await(QueryClient query, List<String> ids, Duration timeout, PrintStream log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new LinkedHashSet<>(ids);
        long pauseMillis = 500;
        while (true) {
            for (String id : new ArrayList<>(missing)) {
                if (query.article(id).isPresent()) {
                    missing.remove(id);
                } else {
                    break; // posted in order: the later ones are very likely not served either
                }
            }
            if (missing.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(missing.size() + " of " + ids.size() + " articles still not served by "
                        + "query-service after " + timeout.toSeconds() + " s (first: " + missing.iterator().next() + ")");
            }
            log.printf("  waiting: %d of %d articles not served yet%n", missing.size(), ids.size());
            Thread.sleep(pauseMillis);
            pauseMillis = Math.min(5_000, pauseMillis * 2);
        }
        // Read again once all are served, so every record is read after the whole replay was placed in stories.
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<JsonNode> record = query.article(id);
            records.put(id, record.orElseThrow(() -> new IOException("article " + id + " served, then gone")));
        }
        return records;
    }
}
