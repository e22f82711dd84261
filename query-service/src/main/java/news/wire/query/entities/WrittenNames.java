package news.wire.query.entities;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The names this instance last wrote to the registry for the entities it saw most recently. */
final class WrittenNames {

    /**
     * About 220 bytes an entity (id, names, map entry): under 5 MB. The Reuters/BBC copy of deploy/bench/e2e-figures
     * brings some 4.5 entities not seen before per article, so the old bound of 200,000 (over 40 MB of a 256 MB heap)
     * was reached after about 45,000 articles and stayed nearly full. The entities in the news recur within hours (the
     * people, companies and places of the day's stories); one not among the last 20,000 seen costs one registry read
     * at its next mention, as it did after the old bound emptied the memory.
     */
    static final int MOST_REMEMBERED = 20_000;

    private final Map<String, Set<String>> byId = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > MOST_REMEMBERED;
        }
    };

    /** Whether every one of these names was already written for the entity. */
    synchronized boolean cover(String id, Set<String> names) {
        Set<String> written = byId.get(id);
        return written != null && written.containsAll(names);
    }

    synchronized void remember(String id, Collection<String> names) {
        byId.put(id, Set.copyOf(names));
    }

    synchronized int size() {
        return byId.size();
    }
}
