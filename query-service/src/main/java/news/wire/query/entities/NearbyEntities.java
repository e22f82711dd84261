package news.wire.query.entities;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The entities of the articles around those being indexed (story candidates, articles placed a moment ago, earlier
 * articles of the batch), filed under every name that could stand for them. A batch compares each of its names
 * with thousands of nearby entities; filing them once makes each look-up a map read instead of a pass over them all.
 */
public final class NearbyEntities {

    /** Each entity once per name it is filed under (an entity named in a hundred nearby articles is tried once). */
    private final Map<String, Map<String, Filed>> byShorterName = new HashMap<>();
    private final Map<String, Map<String, Filed>> byName = new HashMap<>();
    private final Map<String, Filed> filed = new HashMap<>();
    private final Set<String> articles = new HashSet<>();

    /** Files the entities of an article once; an article already filed is skipped (its entities not even read). */
    public void add(String articleId, Instant publishedAt, Supplier<Collection<EntityRef>> entities) {
        if (!articles.add(articleId)) {
            return;
        }
        for (EntityRef e : entities.get()) {
            String identity = e.id() + "\n" + e.type() + "\n" + e.name();
            Filed entity = filed.get(identity);
            if (entity == null) {
                entity = new Filed(e, ShortForms.words(e.name()), new TreeSet<>());
                filed.put(identity, entity);
                byName.computeIfAbsent(String.join(" ", entity.words()), k -> new LinkedHashMap<>()).put(identity, entity);
                for (String key : ShortForms.possibleShortKeys(entity.words())) {
                    byShorterName.computeIfAbsent(EntityRegistry.typeAndKey(e.type(), key), k -> new LinkedHashMap<>())
                            .put(identity, entity);
                }
            }
            entity.seenAt().add(publishedAt.toEpochMilli());
        }
    }

    /** The distinct fuller entities of the type, published within the window of the time, that the name stands for. */
    List<EntityRef> fuller(String type, String name, Instant around, Duration window) {
        Map<String, EntityRef> found = new LinkedHashMap<>();
        List<String> words = null;
        for (Filed f : byShorterName.getOrDefault(EntityRegistry.typeAndKey(type, ShortForms.key(name)), Map.of()).values()) {
            if (found.containsKey(f.entity().id()) || !f.near(around, window)) {
                continue;
            }
            words = words == null ? ShortForms.words(name) : words;
            if (ShortForms.standsFor(name, words, f.words(), type)) {
                found.put(f.entity().id(), f.entity());
            }
        }
        return List.copyOf(found.values());
    }

    /** The distinct entities of the type, published within the window of the time, named exactly so. */
    List<EntityRef> named(String type, String key, Instant around, Duration window) {
        Map<String, EntityRef> found = new LinkedHashMap<>();
        for (Filed f : byName.getOrDefault(key, Map.of()).values()) {
            if (f.entity().type().equals(type) && f.near(around, window)) {
                found.putIfAbsent(f.entity().id(), f.entity());
            }
        }
        return List.copyOf(found.values());
    }

    /** How many nearby articles, published within the window of the time, name an entity of the type exactly so. */
    int articles(String type, String key, Instant around, Duration window) {
        Set<Long> articlesAt = new HashSet<>();
        for (Filed f : byName.getOrDefault(key, Map.of()).values()) {
            if (f.entity().type().equals(type)) {
                long at = around.toEpochMilli();
                articlesAt.addAll(f.seenAt().subSet(at - window.toMillis(), true, at + window.toMillis(), true));
            }
        }
        return articlesAt.size();
    }

    /** An entity as named in nearby articles, its name split into words once, and when those articles were published. */
    private record Filed(EntityRef entity, List<String> words, TreeSet<Long> seenAt) {

        boolean near(Instant time, Duration window) {
            long at = time.toEpochMilli();
            Long first = seenAt.ceiling(at - window.toMillis());
            return first != null && first <= at + window.toMillis();
        }
    }
}
