package news.wire.query.stories;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Profiles of indexed articles read as story candidates, kept by id and version. The stories in the news are the
 * candidates of article after article; reading their documents again for each one was more than half of
 * Elasticsearch's work per article (the fetch of 20 filtered sources per search). An article's indexed content
 * changes only with its version (writes are externally versioned), so a profile kept under that version is current.
 */
final class CandidateProfiles {

    /** A few kilobytes a profile (entities, word vector and headline; no body). */
    static final int MOST_KEPT = 3_000;

    private final Map<String, Kept> byId = new LinkedHashMap<>(MOST_KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MOST_KEPT;
        }
    };

    /** The profile kept for this version of the article, or null. */
    synchronized ArticleProfile get(String id, long version) {
        Kept kept = byId.get(id);
        return kept != null && kept.version() == version ? kept.profile() : null;
    }

    synchronized void put(String id, long version, ArticleProfile profile) {
        byId.put(id, new Kept(version, profile));
    }

    synchronized int size() {
        return byId.size();
    }

    private record Kept(long version, ArticleProfile profile) {
    }
}
