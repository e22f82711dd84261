package news.wire.query.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The entities of an article or a story filed by what {@link NamedEntity#sameAs} can match on (the id, or the type
 * and last word), so finding an entity's match reads two short lists instead of comparing with every entity: a
 * story pooled from dozens of articles names hundreds, and each new article is compared with every story near it.
 */
final class EntityMatches {

    /** Below this many entities a plain pass is cheaper than filing them. */
    private static final int FILED_FROM = 24;

    private final List<NamedEntity> entities;
    private final Map<String, List<Integer>> byId = new HashMap<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    EntityMatches(List<NamedEntity> entities) {
        this.entities = entities;
        if (entities.size() < FILED_FROM) {
            return;
        }
        for (int i = 0; i < entities.size(); i++) {
            NamedEntity e = entities.get(i);
            if (e.id() != null) {
                byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(i);
            }
            byKey.computeIfAbsent(e.matchKey(), k -> new ArrayList<>()).add(i);
        }
    }

    /** The first entity (by position) not yet taken that is the same as x, or -1. */
    int first(NamedEntity x, boolean[] taken) {
        if (entities.size() < FILED_FROM) {
            for (int j = 0; j < entities.size(); j++) {
                if ((taken == null || !taken[j]) && x.sameAs(entities.get(j))) {
                    return j;
                }
            }
            return -1;
        }
        TreeSet<Integer> candidates = new TreeSet<>(byKey.getOrDefault(x.matchKey(), List.of()));
        if (x.id() != null) {
            candidates.addAll(byId.getOrDefault(x.id(), List.of()));
        }
        for (int j : candidates) {
            if ((taken == null || !taken[j]) && x.sameAs(entities.get(j))) {
                return j;
            }
        }
        return -1;
    }
}
