package news.wire.query.entities;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The entities of the articles around those being indexed (story candidates, articles placed a moment ago, earlier
 * articles of the batch), filed under every name that could stand for them. A batch compares each of its names
 * with thousands of nearby entities; filing them once makes each look-up a map read instead of a pass over them all.
 */
public final class NearbyEntities {

    private final Map<String, List<Seen>> byShorterName = new HashMap<>();
    private final Map<String, List<Seen>> byName = new HashMap<>();
    private final Set<String> articles = new HashSet<>();

    /** Files the entities of an article once; an article already filed is skipped (its entities not even read). */
    public void add(String articleId, Instant publishedAt, Supplier<Collection<EntityRef>> entities) {
        if (!articles.add(articleId)) {
            return;
        }
        for (EntityRef e : entities.get()) {
            List<String> words = ShortForms.words(e.name());
            Seen seen = new Seen(e, publishedAt);
            byName.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>()).add(seen);
            for (String key : ShortForms.possibleShortKeys(words, e.type())) {
                byShorterName.computeIfAbsent(EntityRegistry.typeAndKey(e.type(), key), k -> new ArrayList<>()).add(seen);
            }
        }
    }

    /** The distinct fuller entities of the type, published within the window of the time, that the name stands for. */
    List<EntityRef> fuller(String type, String name, Instant around, Duration window) {
        Map<String, EntityRef> found = new LinkedHashMap<>();
        for (Seen s : byShorterName.getOrDefault(EntityRegistry.typeAndKey(type, ShortForms.key(name)), List.of())) {
            if (s.near(around, window) && ShortForms.standsFor(name, s.entity().name(), type)) {
                found.putIfAbsent(s.entity().id(), s.entity());
            }
        }
        return List.copyOf(found.values());
    }

    /** The distinct entities of the type, published within the window of the time, named exactly so. */
    List<EntityRef> named(String type, String key, Instant around, Duration window) {
        Map<String, EntityRef> found = new LinkedHashMap<>();
        for (Seen s : byName.getOrDefault(key, List.of())) {
            if (s.entity().type().equals(type) && s.near(around, window)) {
                found.putIfAbsent(s.entity().id(), s.entity());
            }
        }
        return List.copyOf(found.values());
    }

    private record Seen(EntityRef entity, Instant publishedAt) {

        boolean near(Instant time, Duration window) {
            return Duration.between(publishedAt, time).abs().compareTo(window) <= 0;
        }
    }
}
